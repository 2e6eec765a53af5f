-- a module may require other modules
local o, where = require("mods.requires_other")
print(o.other, where)
print(package.loaded["mods.simple"] ~= nil)
