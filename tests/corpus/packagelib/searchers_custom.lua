-- custom searchers: strings add to the message, other values are skipped
local calls = {}
table.insert(package.searchers, 1, function(name)
  calls[#calls + 1] = name
  if name == "virtual" then
    return function(n, extra) return {n = n, extra = extra} end, "extra data"
  end
  if name == "numeric" then return 42 end
  return "no virtual module '" .. name .. "'"
end)
table.insert(package.searchers, 2, function(name) return nil end)
table.insert(package.searchers, 3, function(name) return true end)
local v, data = require("virtual")
print(v.n, v.extra, data)
local ok, err = pcall(require, "numeric")
print(ok)
print(err)
print(table.concat(calls, ","))
-- only the searchers
package.searchers = {function(name) return "first" end, function(name) return 7 end}
print(pcall(require, "anything"))
package.searchers = {}
print(pcall(require, "anything"))
