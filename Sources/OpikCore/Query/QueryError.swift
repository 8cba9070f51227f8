/// A mistake in a time (`--since`, `--until`) or sort (`--sort`) argument, found before
/// anything is sent. The message is one lowercase line naming the option and what is wrong.
package struct QueryError: UserFacingError, Equatable, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }

    package var userFacing: UserFacing { UserFacing(.usage, message) }
}
