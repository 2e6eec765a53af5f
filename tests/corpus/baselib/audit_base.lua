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
print(setmetatable({}, {__tostring = function() return 1 end}))
print(setmetatable({}, {__tostring = function() return "ok" end}))
tostring(setmetatable({}, {__tostring = function() return {} end}))
tostring(setmetatable({}, {__name = "MyType"})):match("^MyType: ") ~= nil
tostring(setmetatable({}, {__name = 1})):match("^table: ") ~= nil
tostring(1e15), tostring(1e16), tostring(-0.0), tostring(2^63), tostring(1/3)
(function() local t = setmetatable({}, {__index = function(t, i) if i <= 3 then return i * 10 end end}) local s = 0 for i, v in ipairs(t) do s = s + v end return s end)()
(function() local t = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "a" end end, t, nil end}) local r for k, v in pairs(t) do r = v end return r end)()
(function() local t = setmetatable({}, {__pairs = function(t) return 1, 2, 3, 4 end}) return pairs(t) end)()
warn("@on")
warn()
warn(1)
warn("a", {})
(function() warn("@off") warn("hidden") return "ok" end)()
(function() local ok, e = pcall(error, setmetatable({}, {__tostring = function() return "E" end})) return tostring(e) end)()
pcall(pcall)
pcall(error)
select('#', pcall(error))
xpcall(function() return 1, 2 end, print)
xpcall(function(...) return ... end, print, 1, 2, 3)
(function() return xpcall(function() error("x") end, function(m) error("y") end) end)()
(function() local function h(m) return debug.traceback(m, 1):match("^[^\n]*") end return xpcall(function() local x = nil; return x.y end, h) end)()
string.format("%s", 1.0)
#arg
next({}, nil)
(function() local t = {1, 2} local k, v = next(t) return k, v end)()
getmetatable("").__name
rawequal("a", "a"), rawequal({}, {})
rawlen({1, 2, nil, 4})
rawlen("abc")
setmetatable({}, nil) ~= nil
]==]
for line in probes:gmatch("[^\n]+") do
  local f = load("return " .. line, "=probe") or load(line, "=probe")
  local r = table.pack(pcall(f))
  local out = {}
  for i = 1, r.n do out[#out + 1] = show(r[i]) end
  print(line, "=>", table.concat(out, ", "))
end

