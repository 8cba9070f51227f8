// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "opik",
    products: [
        .executable(name: "opik", targets: ["opik"]),
        .executable(name: "opik-test-server", targets: ["opik-test-server"]),
    ],
    targets: [
        // The only C: libcurl and a header of typed wrappers around its variadic calls.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Foundation-free core: models, requests, query language, config, renderers, errors.
        .target(name: "OpikCore"),
        // The libcurl transport and nothing else.
        .target(name: "OpikHTTP", dependencies: ["OpikCore", "CCurl"]),
        // Command spec tree, parser, generators, commands. Never imports curl.
        .target(name: "OpikCLI", dependencies: ["OpikCore"]),
        .executableTarget(name: "opik", dependencies: ["OpikCLI", "OpikHTTP", "OpikCore"]),

        // A loopback Opik-compatible server for tests, benchmarks and the README demo.
        .target(name: "OpikTestServer", dependencies: ["OpikCore"]),
        .executableTarget(name: "opik-test-server", dependencies: ["OpikTestServer"]),

        .target(name: "OpikTestSupport", dependencies: ["OpikCore", "OpikCLI", "OpikTestServer"], path: "Tests/OpikTestSupport"),
        .testTarget(name: "OpikCoreTests", dependencies: ["OpikCore", "OpikTestSupport"]),
        .testTarget(name: "OpikHTTPTests", dependencies: ["OpikHTTP", "OpikTestServer", "OpikTestSupport"]),
        .testTarget(name: "OpikCLITests", dependencies: ["OpikCLI", "OpikTestSupport"]),
        .testTarget(name: "OpikTestServerTests", dependencies: ["OpikTestServer", "OpikTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["OpikTestServer", "OpikTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
