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
math.abs(math.mininteger)
math.abs(-0.0)
math.abs("-3")
math.abs()
math.ceil(3.2)
math.ceil(-3.5)
math.ceil(2^63)
math.ceil(1e100)
math.ceil(0/0)
math.floor(-3.5)
math.floor(5)
math.floor("3.7")
math.floor(-2^63)
math.fmod(7, 3)
math.fmod(-7, 3)
math.fmod(7, -3)
math.fmod(7, 0)
math.fmod(7.0, 0)
math.fmod(math.mininteger, -1)
math.fmod(5.5, 2)
math.fmod(1, 0/0)
math.fmod()
math.huge
-math.huge
math.pi
math.log(8, 2)
math.log(100, 10)
math.log(0)
math.log(-1)
math.log(8, 2.0)
math.log(27, 3)
math.exp(1)
math.sqrt(-1)
math.sqrt(16)
math.sin(0), math.cos(0), math.tan(0)
math.asin(1), math.acos(1), math.atan(1)
math.atan(1, 2)
math.atan(0, -1)
math.atan(-0.0, -1)
math.max(1, 2.5)
math.max(2, 2.0)
math.max()
math.max(0/0, 1)
math.max(1, 0/0)
math.min(1, 2, -3)
math.min("1")
math.modf(3.7)
math.modf(-3.7)
math.modf(5)
math.modf(1/0)
math.modf(-1/0)
math.modf(0/0)
math.tointeger(3.0)
math.tointeger(3.5)
math.tointeger("8")
math.tointeger({})
math.tointeger()
math.type(1)
math.type(1.0)
math.type("1")
math.type()
math.ult(1, -1)
math.ult(1.0, 2)
math.ult(1.5, 2)
math.maxinteger + 1 == math.mininteger
math.mininteger // -1
math.mininteger % -1
math.random(0) ~= nil
math.random(1, 0)
math.random(5, 5)
math.random(math.mininteger, math.maxinteger) ~= nil
math.random(1, 2, 3)
math.random(0.5)
math.random("3") <= 3
math.random(2^63)
(function() math.randomseed(42) return math.random(1, 100), math.random(1, 100), math.random() end)()
(function() math.randomseed(42, 7) return math.random(1, 1000000), math.random(0) end)()
(function() math.randomseed(0) return math.random(1, 10), math.random(10) end)()
(function() math.randomseed(1.5) return math.random(1, 10) end)()
(function() math.randomseed(-1) return math.random(1, 1000) end)()
(function() math.randomseed(123) local t = {} for i = 1, 5 do t[i] = math.random(6) end return table.concat(t, ",") end)()
(function() math.randomseed(123) return math.random(math.mininteger, math.maxinteger) end)()
(function() math.randomseed(2^53) return math.random(1, 100) end)()
math.randomseed("x")
select('#', math.randomseed())
(function() math.randomseed(42) return math.random(3, 2^40) end)()
(function() math.randomseed(42) return math.random(-10, 10), math.random(-10, 10) end)()
math.floor(-0.0)
1 // 0.0
-1 // 0.0
0/0 == 0/0
3 % -2
3.5 % -2
-3 % 2.0
5 // 0
5 % 0
2^63 == math.maxinteger + 1.0
math.maxinteger < 2^63
1e308 * 10
-(0/0)
string.format("%.17g", 0.1 + 0.2)
8 // 3.0
7 >> 1, 7 << 63, 7 << 64, -1 >> 1, 1 << -1
"10" + 1, "0x10" + 0, "1e1" * 1
"abc" + 1
{} + 1
]==]
for line in probes:gmatch("[^\n]+") do
  local f = load("return " .. line, "=probe") or load(line, "=probe")
  local r = table.pack(pcall(f))
  local out = {}
  for i = 1, r.n do out[#out + 1] = show(r[i]) end
  print(line, "=>", table.concat(out, ", "))
end

