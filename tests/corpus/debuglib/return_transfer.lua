-- debug.getinfo 'r' at return events: where a Lua function's results are
-- (ftransfer, ntransfer), getlocal on them and past them, and setlocal
-- changing what the function returns
local function f(a) local x = a * 2; return x end
local function g(a) local x = a * 2; return x, a end
local function h(a)
  local k <const> = 7
  local x = a + k
  return (x)
end
local function m(a) for i = 1, 3 do return i end end
local function gf(t) for k, v in pairs(t) do return k, v end end
local function v(...) local z = 1; return ... end
local function e() end
local function r0() return end
local function tc(s) return s:upper() end
local function tg(s) return string.rep(s, 2) end
local function cl(a) local x = a; local fn = function() return x end; return x end
local function nested(a)
  local b = a
  do
    local c = b + 1
    return c * 2, "two", nil
  end
end
local function sel(...) return select(2, ...) end
local function up(n) if n > 0 then return up(n - 1) end return n end
local changed = {g = true, f = true}
local function show(x) local ty = type(x) return (ty == "table" or ty == "function") and ty or tostring(x) end
debug.sethook(function(event)
  local ar = debug.getinfo(2, "rnS")
  if ar.what == "main" then return end
  local t = {}
  for i = 1, ar.ftransfer + ar.ntransfer do
    local n, val = debug.getlocal(2, i)
    if i >= ar.ftransfer and i < ar.ftransfer + ar.ntransfer then
      t[#t + 1] = tostring(n) .. "=" .. show(val)
    else
      t[#t + 1] = tostring(n)
    end
  end
  if event == "return" and changed[ar.name] then
    print("setlocal", debug.setlocal(2, ar.ftransfer, 99))
  end
  print(event, ar.name, ar.what, ar.ftransfer, ar.ntransfer, table.concat(t, ","))
end, "r")
print(f(3)); print(g(4)); print(h(5)); print(m(0)); print(gf({10})); print(v(1, 2)); print(e()); print(r0())
print(tc("a")); print(tg("b")); print(cl(8)); print(nested(1)); print(sel("a", "b", "c")); print(up(2))
local t = setmetatable({}, {})
rawset(t, 1, 2)
print(rawget(t, 1), select(-1, 1, 2, 3), assert(1, 2))
debug.sethook()
