/// A mistake in a time (`--since`, `--until`) or sort (`--sort`) argument, found before
/// anything is sent. The message is one lowercase line naming the option and what is wrong.
public struct QueryError: UserFacingError, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    public var userFacing: UserFacing { UserFacing(.usage, message) }
}
