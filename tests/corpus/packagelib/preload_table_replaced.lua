-- require uses the tables the package library made, not whatever package.loaded/preload are later
local original = package.preload
package.preload = {}
package.preload.newmod = function() return "new" end
print(pcall(require, "newmod"))
original.oldmod = function() return "old" end
print(require("oldmod"))
local loaded = package.loaded
package.loaded = {}
print(require("string") == string, package.loaded.string)
print(loaded.oldmod)
