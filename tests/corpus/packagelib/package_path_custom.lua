-- package.path templates: '?' becomes the name with dots turned into '/'
package.path = "./mods/?.lua"
print(require("simple") ~= nil, select(2, require("counter")))
package.path = "./mods/sub/?/leaf.lua;./mods/?.lua"
local t, f = require("deep")
print(t.name, t.file, f)
package.path = "./mods/?.lua;;"
print(pcall(require, "missing"))
package.path = ""
print(pcall(require, "missing2"))
