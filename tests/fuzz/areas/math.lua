local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); P(name, table.unpack(r, 1, r.n)) end
P(math.maxinteger, math.mininteger, math.pi, math.huge, -math.huge, math.maxinteger + 1 == math.mininteger, math.mininteger - 1 == math.maxinteger)
P(math.type(1), math.type(1.0), math.type("1"), math.type(nil) == nil, pcall(math.type))
P(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.tointeger("x"), math.tointeger(2^63), math.tointeger(-2^63), math.tointeger({}))
P(math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2), math.floor(2^62), math.floor(1e100), math.ceil(-1e100), math.floor(-0.0), math.type(math.floor(1e100)))
P(math.abs(math.mininteger), math.abs(-0.0), math.abs(-3), math.abs(-3.5))
P(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2), math.fmod(-7, 3.0), math.fmod(math.mininteger, -1), math.fmod(1, 0.0), pcall(math.fmod, 1, 0))
P(math.fmod(math.mininteger, math.maxinteger), math.fmod(5, math.mininteger), math.fmod(-6, math.mininteger))
P(math.modf(3.7), math.modf(-3.7), math.modf(5), math.modf(1/0), math.modf(-1/0), math.modf(0/0))
P(math.sqrt(16), math.sqrt(-1) ~= math.sqrt(-1), math.exp(0), math.log(1), math.log(8, 2), math.log(100, 10), math.log(27, 3), math.log(0), math.log(-1) ~= math.log(-1), math.log(2, 0))
P(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan(1, 2), math.atan(-0.0, -1), math.atan(0, -1), math.atan(1, 0))
P(math.max(1, 2.5, -1), math.min(1, 2.5, -1), math.max(3), math.max(1, 1.0), math.max(1.0, 1), math.min(-0.0, 0.0), math.max(0/0, 1), math.max(1, 0/0))
T("max none", math.max)
T("min none", math.min)
P(math.ult(1, -1), math.ult(-1, 1), math.ult(0, 0))
P(3 // 2, -3 // 2, 3.0 // 2, -3 // 2.0, 3 % -2, -3 % 2, 3.5 % -2, -3.5 % 2, 5 % math.huge, -5 % math.huge, 5 % -math.huge, -5 % -math.huge)
P(1/0 // 1, -1/0 // 1, 0/0 // 1 ~= 0/0 // 1, 1 // (1/0), -1 // (1/0), math.mininteger // -1, math.mininteger % -1)
P(2^2, 2^0.5, (-8)^(1/3) ~= (-8)^(1/3), 0^0, 2^-1, 10 / 2, 1 / 0, -1 / 0, 0/0 ~= 0/0, 3 / 2)
P(1 == 1.0, math.maxinteger + 0.0 == math.maxinteger, math.maxinteger + 0.0 == 2^63, math.maxinteger < 2^63, math.maxinteger + 1.0 > math.maxinteger, math.mininteger == -2^63, math.mininteger < -2^63)
P(1 < 1.5, 2^53 == 2^53 + 1, math.tointeger(2^53) + 1 == 2^53 + 1, 9007199254740993 < 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
P(-0.0 == 0.0, 1/-0.0, 1/0.0, tostring(-0.0), 0.0 // -1, -0.0 % 1)
-- float keys normalisation
local t = {}; t[1.0] = "a"; t[2^53] = "b"; P(t[1], math.type(next(t)), t[2^53 | 0])
-- string to number arithmetic
P("10" + 1, "10.0" + 1, "0x10" * 1, " 10 " + 0, math.type("10" + 1), math.type("10" * 1.0), "2" ^ "3", "7" // "2", "7" % "2", -"3")
P(10 == "10", "abc" < "abd")
-- integer division/modulo by negative, conversions
for _, a in ipairs{7, -7, 7.5, -7.5} do for _, b in ipairs{2, -2, 2.5, -2.5} do io.write(a // b, " ", a % b, "; ") end end print()
-- random
math.randomseed(42); local r1 = {math.random(100), math.random(100), math.random()}
math.randomseed(42); local r2 = {math.random(100), math.random(100), math.random()}
P(r1[1] == r2[1], r1[2] == r2[2], r1[3] == r2[3])
math.randomseed(42); P(math.random(1, 10), math.random(1000), math.random(0), math.random(math.mininteger, math.maxinteger))
math.randomseed(123, 456); P(math.random(1, 1000000))
P(math.randomseed(7))
P(select('#', math.randomseed()))
T("random bad", math.random, 1, 2, 3)
T("random empty", math.random, 2, 1)
T("random float arg", math.random, 1.5)
P(math.random(3.0) <= 3, math.random(math.maxinteger) > 0)
for i = 1, 1000 do local r = math.random(-3, 3); assert(r >= -3 and r <= 3) local f = math.random(); assert(f >= 0 and f < 1) end
-- integer overflow in for loops
local c = 0 for i = math.maxinteger - 2, math.maxinteger do c = c + 1 end P("for max", c)
c = 0 for i = math.mininteger, math.mininteger + 2 do c = c + 1 end P("for min", c)
c = 0 for i = math.mininteger + 2, math.mininteger, -1 do c = c + 1 end P("for min down", c)
c = 0 for i = 1, 0 do c = c + 1 end P("empty", c)
c = 0 for i = 1, math.huge do c = c + 1 if c > 5 then break end end P("inf", c)
c = 0 for i = 1.0, 3 do c = c + 1; P(i, math.type(i)) end
c = 0 for i = 1, 3.5 do P(i, math.type(i)) end
c = 0 for i = 3, 1.5, -1 do P(i) end
c = 0 for i = 0.1, 0.35, 0.1 do P(i) end
c = 0 for i = math.maxinteger, 1e100 do c = c + 1 if c > 3 then break end end P("int to big float", c)
c = 0 for i = 1, -1e100 do c = c + 1 end P("int to neg float", c)
c = 0 for i = math.mininteger, -1e100, -1 do c = c + 1 if c > 3 then break end end P(c)
c = 0 for i = 1, 10, math.maxinteger do c = c + 1 end P(c)
c = 0 for i = -1, -10, math.mininteger do c = c + 1 end P(c)
P(string.format("%.17g", 0.1 + 0.2), 0.1 + 0.2 == 0.3, 1e308 * 10, -1e308 * 10)
P(7 // 0.0, -7 // 0.0, 0 // 0.0 ~= 0 // 0.0, 7 % 0.0 ~= 7 % 0.0)
P(math.floor(-0.5), math.ceil(-0.5), math.floor(0.5))
P(3 | 0, pcall(function() return 3.5 | 0 end), pcall(function() return "3" | 0 end), 2^53 | 0, pcall(function() return 2^63 | 0 end))
P(1 << 63, 1 << 64, 1 << -1, -1 >> 1, -1 >> 64, 1 >> -63, ~0, ~5, 5 ~ 3, 0xF0 & 0x3C, 0xF0 | 0x0F)
P(math.mininteger // 1, 0x7fffffffffffffff + 1, 0xffffffffffffffff, 0x1ffffffffffffffff, 1e1 // 1)
