-- an uncaught "module not found" error
local x = 1
require("definitely_missing_module")
