-- a module's chunk runs with the globals as its environment and gets name and path as ...
package.preload.envtest = function(...)
  return select("#", ...), ...
end
print(require("envtest"))
local leaf = require("mods.sub.deep.leaf")
print(leaf.name, leaf.file)
