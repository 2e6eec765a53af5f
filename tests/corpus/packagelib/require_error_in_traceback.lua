-- an uncaught error from a module shows require in the traceback
require("mods.runtime_error")
