-- package.preload loaders get the name and ":preload:"
package.preload.alpha = function(...)
  print("loading alpha with", ...)
  return {value = 1}
end
local a, data = require("alpha")
print(a.value, data)
print(require("alpha") == a)
package.preload.beta = function() end
print(require("beta"))
print(package.loaded.beta)
package.preload.gamma = function() return false end
print(require("gamma"))
print(package.loaded.gamma)
local calls = 0
package.preload.delta = function() calls = calls + 1 return nil end
require("delta") require("delta")
print("delta loader calls", calls)
package.preload["with.dots"] = function(name) return name end
print(require("with.dots"))
-- preload wins over files
package.preload["mods.simple"] = function() return "from preload" end
print(require("mods.simple"))
