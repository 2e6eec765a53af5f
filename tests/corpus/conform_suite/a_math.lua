-- conform_suite: math library and arithmetic: integer/float distinctions,
-- conversions, division and modulo, bitwise coercions, shifts, comparisons
-- at the 2^53/2^63 edges, random properties (written from the manual)
local fails, groups = 0, 0
local function T(name, f)
  groups = groups + 1
  local ok, e = pcall(f)
  if not ok then fails = fails + 1; print("FAIL " .. name .. ": " .. tostring(e)) end
end
local function eq(a, b)
  if not (a == b or (a ~= a and b ~= b)) or math.type(a) ~= math.type(b) then
    error(string.format("%s (%s) ~= %s (%s)", tostring(a), math.type(a) or type(a), tostring(b), math.type(b) or type(b)), 2)
  end
end
local function L(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) .. (math.type(t[i]) == "float" and "f" or "") end return table.concat(t, ",") end
local function err(pat, f, ...)
  local ok, e = pcall(f, ...)
  if ok then error("no error, expected " .. pat, 2) end
  if not string.find(tostring(e), pat, 1, true) then error("message " .. tostring(e) .. " lacks " .. pat, 2) end
end
local maxi, mini = math.maxinteger, math.mininteger

T("type and tointeger", function()
  eq(math.type(1), "integer"); eq(math.type(1.0), "float"); eq(math.type("1"), nil); eq(math.type(nil), nil)
  err("bad argument #1 to 'type' (value expected)", function() return math.type() end)
  eq(math.tointeger(3.0), 3); eq(math.tointeger(3.5), nil); eq(math.tointeger("8"), 8); eq(math.tointeger(" 0x10 "), 16); eq(math.tointeger("3.5"), nil); eq(math.tointeger("x"), nil); eq(math.tointeger(2^63), nil)
  eq(math.tointeger(-2^63), mini); eq(math.tointeger(1/0), nil); eq(math.tointeger(0/0), nil); eq(math.tointeger(-0.0), 0)
  eq(math.tointeger(maxi), maxi); eq(math.tointeger({}), nil); eq(math.tointeger(2^53), 9007199254740992)
end)

T("abs ult fmod modf", function()
  eq(math.abs(mini), mini); eq(math.abs(-0.0), 0.0); eq(math.abs(-3), 3); eq(math.abs(-3.5), 3.5); eq(math.abs(maxi), maxi)
  eq(math.ult(1, -1), true); eq(math.ult(-1, 1), false); eq(math.ult(maxi, mini), true); eq(math.ult(0, 0), false)
  err("number has no integer representation", math.ult, 1.5, 2); eq(math.ult(1.0, 2), true)
  eq(math.fmod(7, 3), 1); eq(math.fmod(-7, 3), -1); eq(math.fmod(7, -3), 1); eq(math.fmod(-7, -3), -1)
  eq(math.fmod(mini, -1), 0); eq(math.fmod(mini, maxi), -1); eq(math.fmod(maxi, mini), maxi); eq(math.fmod(5, mini), 5)
  eq(math.fmod(7.5, 2), 1.5); eq(math.fmod(-7.5, 2), -1.5); eq(math.fmod(7, 2.0), 1.0); eq(math.fmod(1, 1/0), 1.0)
  eq(math.fmod(1/0, 1), 0/0); eq(math.fmod(1, 0.0), 0/0); eq(math.fmod(-0.0, 1), -0.0)
  err("bad argument #2 to 'fmod' (zero)", function() return math.fmod(1, 0) end)
  err("bad argument #2 to 'fmod' (zero)", function() return math.fmod(mini, 0) end)
  eq(L(math.modf(3.7)), "3,0.7f"); eq(L(math.modf(-3.7)), "-3,-0.7f"); eq(L(math.modf(5)), "5,0.0f")
  eq(L(math.modf(1/0)), "inff,0.0f"); eq(L(math.modf(-1/0)), "-inff,0.0f"); eq(L(math.modf(-0.0)), "0,0.0f")
  local a, b = math.modf(0/0); eq(a ~= a and b ~= b, true); eq(L(math.modf(2^63)), "9.2233720368548e+18f,0.0f")
  eq(L(math.modf(maxi)), "9223372036854775807,0.0f"); eq(L(math.modf(2^53 + 0.0)), "9007199254740992,0.0f"); eq(L(math.modf(1e100)), "1e+100f,0.0f")
end)

T("floor ceil", function()
  eq(math.floor(3.7), 3); eq(math.floor(-3.2), -4); eq(math.ceil(3.2), 4); eq(math.ceil(-3.7), -3); eq(math.floor(5), 5)
  eq(math.floor(2^62), 4611686018427387904); eq(math.floor(2^63), 2^63); eq(math.floor(-2^63), mini); eq(math.ceil(-2^63), mini)
  eq(math.floor(1e100), 1e100); eq(math.ceil(-1e100), -1e100); eq(math.floor(1/0), 1/0); eq(math.ceil(-1/0), -1/0)
  eq(math.floor(-0.0), 0); eq(math.ceil(-0.5), -0); eq(math.type(math.ceil(-0.5)), "integer"); eq(math.floor(0/0), 0/0)
  eq(math.ceil(2^63 - 1024), 9223372036854774784); eq(math.floor("3.5"), 3); eq(math.ceil(maxi), maxi)
  err("bad argument #1 to 'floor' (number expected, got string)", function() return math.floor("x") end)
end)

T("min max", function()
  eq(math.max(1, 2.0), 2.0); eq(math.max(2, 1.0), 2); eq(math.min(1, 1.0), 1); eq(math.max(1.0, 1), 1.0); eq(math.min(-0.0, 0), -0.0)
  eq(math.max(mini, maxi), maxi); eq(math.min(0/0, 1), 0/0); eq(math.max(1, 0/0), 1); err("attempt to compare string with number", math.max, "10", 9)
  err("bad argument #1 to 'max' (value expected)", function() return math.max() end)
  err("attempt to compare table with number", function() return math.min(1, {}) end)
  err("attempt to compare nil with number", function() return math.min(1, nil) end)
end)

T("integer division and modulo", function()
  eq(7 // 2, 3); eq(-7 // 2, -4); eq(7 // -2, -4); eq(-7 // -2, 3); eq(7 % 3, 1); eq(-7 % 3, 2); eq(7 % -3, -2); eq(-7 % -3, -1)
  eq(mini // -1, mini); eq(mini % -1, 0); eq(maxi // -1, -maxi); eq(7.0 // 2, 3.0); eq(-7.5 // 2, -4.0)
  eq(1 // 0.0, 1/0); eq(-1 // 0.0, -1/0); eq(0 // 0.0, 0/0); eq(1 % 0.0, 0/0); eq(5.5 % -2, -0.5); eq(-5.5 % 2, 0.5)
  eq(1 % 1/0, 0/0); eq(1 % (1/0), 1.0); eq(-1 % (1/0), 1/0); eq(1 % (-1/0), -1/0); eq(-1 % (-1/0), -1.0)
  eq(0.0 % 1, 0.0); eq(-0.0 % 1, 0.0); eq(3 % -2.0, -1.0); eq(mini % maxi, maxi - 1); eq(maxi % mini, -1)
  local z = 0; err("attempt to divide by zero", function() return 1 // z end); err("attempt to perform 'n%0'", function() return 1 % z end)
  eq(5 / 2, 2.5); eq(4 / 2, 2.0); eq(1 / 0, 1/0); eq(-1 / 0, -1/0); eq(0 / 0 ~= 0 / 0, true); eq(mini / -1, 2^63)
  eq(2^2, 4.0); eq(math.type(2^2), "float"); eq((-8) ^ (1/3) ~= (-8) ^ (1/3), true); eq(0^0, 1.0)
end)

T("overflow wraps", function()
  eq(maxi + 1, mini); eq(mini - 1, maxi); eq(maxi * 2, -2); eq(-mini, mini); eq(mini * -1, mini); eq(maxi + 1.0, 2^63)
  eq(math.abs(mini + 0.0), 2^63)
end)

T("bitwise coercions", function()
  eq(3 & 5, 1); eq(3 | 5, 7); eq(3 ~ 5, 6); eq(~0, -1); eq(1 << 63, mini); eq(1 << 64, 0); eq(1 << -1, 0); eq(-1 >> 1, maxi)
  eq(-1 >> 63, 1); eq(-1 >> 64, 0); eq(-1 << 64, 0); eq(5 >> -1, 10); eq(1 << mini, 0); eq(1 >> mini, 0); eq(1 << maxi, 0)
  eq(2.0 & 3, 2); eq(2^53 | 0, 9007199254740992)
  -- strings are not coerced by bitwise operators in 5.4 (the string metamethods are arithmetic only)
  err("attempt to perform bitwise operation on a string value (constant '3')", function() return "3" & 1 end)
  err("attempt to perform bitwise operation on a string value (constant '0')", function() return ~"0" end)
  err("attempt to perform bitwise operation on a string value (constant '2')", function() return 1 << "2" end)
  local s = "1"; err("attempt to perform bitwise operation on a string value (upvalue 's')", function() return 1.5 | s end)
  eq(-0.0 | 0, 0); eq(math.type(3.0 | 0), "integer")
  err("number has no integer representation", function() return 1.5 & 1 end)
  err("number has no integer representation", function() return 2^63 | 0 end)
  err("number (local 'x') has no integer representation", function() local x = 1/0 return x >> 1 end)
  err("attempt to perform bitwise operation on a string value (constant '1.5')", function() return "1.5" | 0 end)
  err("attempt to perform bitwise operation on a string value (constant 'x')", function() return "x" | 0 end)
  err("attempt to perform bitwise operation on a table value", function() return {} & 1 end)
  err("attempt to perform bitwise operation on a nil value (global 'undefinedvar')", function() return undefinedvar ~ 1 end)
  local f = 0.5; err("number (upvalue 'f') has no integer representation", function() return f << 1 end)
  err("number has no integer representation", function() return 2^63 ~ 1 end)
end)

T("comparisons at the edges", function()
  eq(2^53 == 2^53 + 1, true); eq(9007199254740993 == 2^53, false); eq(9007199254740993 > 2^53, true); eq(9007199254740993 < 2^53 + 2, true)
  eq(maxi < 2^63, true); eq(maxi + 0.0 == 2^63, true); eq(maxi == 2^63, false); eq(mini == -2^63, true); eq(mini < -2^63, false)
  eq(mini <= -2^63, true); eq(maxi <= 2^63, true); eq(maxi >= 2^63, false); eq(1 < 0/0, false); eq(1 > 0/0, false); eq(0/0 == 0/0, false)
  eq(maxi < 1/0, true); eq(mini > -1/0, true); eq(1 == 1.0, true); eq(-0.0 == 0, true); eq(maxi - 1 < maxi + 0.0, true)
  eq(2^63 > maxi, true); eq(-2^63 - 1025 < mini, true); eq(9007199254740993 <= 9007199254740992.0, false)
  eq(math.maxinteger // 1 == math.maxinteger, true); eq(3 == 3.0000000000000001, true)
  local t = {}; t[1.0] = "a"; eq(t[1], "a"); t[2^53] = "b"; eq(t[9007199254740992], "b"); t[-0.0] = "z"; eq(t[0], "z")
end)

T("float to string to number", function()
  eq(tostring(3) == tostring(3.0), false); eq(3 | 0, 3); eq(string.format("%.0f", 0.5), "0")
  eq(math.floor(-3.5 + 0.5), -3); eq(8 // 3.0, 2.0); eq(7 // 0.5, 14.0)
end)

T("random", function()
  math.randomseed(42)
  for _ = 1, 200 do
    local x = math.random(); assert(x >= 0 and x < 1 and math.type(x) == "float")
    local y = math.random(10); assert(y >= 1 and y <= 10 and math.type(y) == "integer")
    local z = math.random(-3, 3); assert(z >= -3 and z <= 3)
    local w = math.random(mini, maxi); assert(math.type(w) == "integer")
    local v = math.random(0); assert(math.type(v) == "integer")
  end
  eq(math.random(5, 5), 5); eq(math.random(maxi, maxi), maxi); eq(math.random(mini, mini), mini)
  math.randomseed(7); local a = {math.random(100), math.random(100), math.random()}
  math.randomseed(7); local b = {math.random(100), math.random(100), math.random()}
  eq(a[1], b[1]); eq(a[2], b[2]); eq(a[3], b[3])
  math.randomseed(7, 0); local c = math.random(100); eq(c, a[1])
  err("bad argument #1 to 'random' (interval is empty)", function() return math.random(0) == nil or math.random(2, 1) end)
  err("bad argument #1 to 'random' (interval is empty)", function() return math.random(3, 1) end)
  err("bad argument #1 to 'random' (interval is empty)", function() return math.random(-5) end)
  err("wrong number of arguments", function() return math.random(1, 2, 3) end)
  err("number has no integer representation", function() return math.random(1.5) end)
  eq(math.random(3.0) <= 3, true)
  local r1, r2 = math.randomseed(); eq(math.type(r1), "integer"); eq(math.type(r2), "integer")
  math.randomseed(r1, r2); local p = math.random(1000); math.randomseed(r1, r2); eq(math.random(1000), p)
  math.randomseed("3"); err("number has no integer representation", math.randomseed, 1.5); err("number has no integer representation", math.randomseed, 1, 2.5)
  err("number expected, got table", function() math.randomseed({}) end)
end)

T("constants and misc", function()
  eq(math.pi, 3.141592653589793); eq(math.huge, 1/0); eq(maxi, 9223372036854775807); eq(mini, -9223372036854775807 - 1); eq(math.type(-9223372036854775808), "float")
  eq(math.sqrt(4), 2.0); eq(math.sqrt(-1) ~= math.sqrt(-1), true); eq(math.exp(0), 1.0); eq(math.log(1), 0.0); eq(math.log(8, 2), 3.0)
  eq(math.log(100, 10), 2.0); eq(math.log(0), -1/0); eq(math.log(27, 3), 3.0); eq(math.log(1024, 4), 5.0)
  eq(math.sin(0), 0.0); eq(math.cos(0), 1.0); eq(math.atan(1, 1), math.pi / 4); eq(math.atan(0, -1), math.pi); eq(math.atan(-0.0, -1), -math.pi)
  eq(math.atan(1), math.pi / 4); eq(math.tan(0), 0.0); eq(math.asin(2) ~= math.asin(2), true); eq(math.acos(1), 0.0)
  eq(math.type(math.sqrt(4)), "float"); eq(math.type(math.abs(-2)), "integer"); eq(math.type(math.max(1, 2)), "integer")
  err("bad argument #1 to 'sqrt' (number expected, got no value)", function() return math.sqrt() end)
  eq(math.deg(math.pi), 180.0); eq(math.rad(180), math.pi)
end)

T("last bits are the C library's", function()
  -- lua5.4's x^y is glibc's pow (x^2 is x*x); 10^23 lies half an ulp from a tie and glibc rounds it up
  eq(10^23 == 1e23, false); eq(string.format("%a", 10^23), "0x1.52d02c7e14af7p+76"); eq(10^22 == 1e22, true)
  eq(string.format("%a", 14.1^22), "0x1.fba851aeb17a3p+83"); eq(string.format("%a", 20^18.5), "0x1.f081bfa748049p+79")
  eq(string.format("%a", math.atan(1, 10)), "0x1.983e282e2cc4cp-4"); eq(string.format("%a", math.cosh(1)), "0x1.8b07551d9f55p+0")
  eq(string.format("%a", math.log(3, 2)), "0x1.95c01a39fbd68p+0"); eq(math.log(8, 2), 3.0); eq(math.log(1000, 10), 3.0)
  eq(2^0.5, math.sqrt(2)); eq((-8)^2, 64.0); eq(2^-1074 > 0, true); eq(2^1024, 1/0)
end)

print(string.format("a_math: %d groups, %d failed", groups, fails))
assert(fails == 0)
