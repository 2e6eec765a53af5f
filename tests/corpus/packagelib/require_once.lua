-- a module runs once; clearing package.loaded makes require load it again
local a = require("mods.counter")
local b = require("mods.counter")
print(a == b, a.n, COUNTER_LOADS)
package.loaded["mods.counter"] = nil
local c = require("mods.counter")
print(c == a, c.n, COUNTER_LOADS)
package.loaded["mods.counter"] = "replaced"
print(require("mods.counter"))
package.loaded["mods.counter"] = false
print(require("mods.counter").n, COUNTER_LOADS)
