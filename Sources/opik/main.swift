import OpikCLI
import OpikCore
import OpikHTTP
