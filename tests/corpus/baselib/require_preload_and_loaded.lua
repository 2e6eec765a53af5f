package.preload["virtual"] = function(name, extra)
  return {name = name, extra = extra}
end
local v, data = require("virtual")
print(v.name, v.extra, data)
print(require("virtual") == v)
package.loaded["fake"] = "preset value"
print(require("fake"))
package.loaded["mods.counter"] = nil
local c = require("mods.counter")
print(c.next())
print(type(package.path), type(package.cpath), package.config:sub(1, 1))
print(package.loaded._G == _G, package.loaded.string == string)
print(package.searchpath("mods.counter", "./?.lua"))
print(package.searchpath("mods.nothing", "./?.lua;./?.luac"))
