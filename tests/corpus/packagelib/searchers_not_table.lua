-- require needs package.searchers to be a table
local saved = package.searchers
package.searchers = nil
print(pcall(require, "mods.simple"))
package.searchers = "x"
print(pcall(require, "mods.simple"))
package.searchers = saved
print(type(require("mods.simple")))
