import Foundation
import OpikTestServer

let server = try OpikTestServer.start()
print("listening on \(server.baseURL)")
fflush(nil)
while true { sleep(60) }
