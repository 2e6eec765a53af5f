-- require keeps working when the global 'package' is gone
local p = package
package = nil
local m, where = require("mods.simple")
print(type(m), where)
p.preload.x = function() return "x loaded" end
print(require("x"))
package = p
