-- Audit of the library against lua5.4: each line below is an expression (or a
-- statement); the case prints what pcall gives for it, so results and error
-- messages are compared with the reference line by line.

local function show(v)
  local t = type(v)
  if t == "table" or t == "function" or t == "userdata" or t == "thread" then return t end
  if t == "string" then return string.format("%q", v) end
  return tostring(v)
end
local probes = [==[
package.path
package.cpath
package.config
type(package.loaded), package.loaded._G == _G, package.loaded.string == string
type(package.preload)
#package.searchers
package.searchpath("audit_m1", "./mods/?.lua")
package.searchpath("nope", "./mods/?.lua;./x/?.lua")
package.searchpath("a.b.c", "./?.lua", ".", "/")
package.searchpath("a.b", "?", "", "")
package.searchpath()
(function() package.path = "./mods/?.lua" return require("audit_m1") end)()
(function() package.path = "./mods/?.lua" local a, b = require("audit_m1") return a.name, a.file, b end)()
(function() package.path = "./mods/?.lua" return require("audit_bad") end)()
(function() package.path = "./mods/?.lua" return require("audit_syn") end)()
(function() package.path = "./mods/?.lua" package.cpath = "./mods/?.so" return require("missing") end)()
(function() package.preload.pm = function(...) return {...} end local m, d = require("pm") return m[1], m[2], d end)()
(function() package.loaded.fake = false return require("fake") end)()
(function() package.preload.nilret = function() end return require("nilret"), package.loaded.nilret end)()
(function() package.path = 1 return require("zzz") end)()
(function() package.searchers = nil return require("zzz2") end)()
(function() package.searchers = {} return require("zzz3") end)()
(function() package.searchers = {function(n) return "not found here" end, function(n) return nil end} return require("zzz4") end)()
(function() package.searchers = {function(n) return function(a, b) return a .. "|" .. b end, "extra" end} return require("zzz5") end)()
require(1)
require({})
]==]
for line in probes:gmatch("[^\n]+") do
  local f = load("return " .. line, "=probe") or load(line, "=probe")
  local r = table.pack(pcall(f))
  local out = {}
  for i = 1, r.n do out[#out + 1] = show(r[i]) end
  print(line, "=>", table.concat(out, ", "))
end

