-- conform_suite (part D): bitwise operators, integer conversions, self-checking.
local failed = 0
local function T(name, f)
  local ok, msg = pcall(f)
  if ok then print("ok   " .. name) else failed = failed + 1; print("FAIL " .. name .. ": " .. tostring(msg)) end
end
local function E(f, ...)
  local ok, msg = pcall(f, ...)
  assert(not ok, "expected an error")
  return msg
end
local function is(got, want) assert(got == want, "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]") end
local function ist(got, want) is(math.type(got), math.type(want)); is(got, want) end
local function here(d) return "d_bitwise.lua:" .. debug.getinfo(2, "l").currentline + (d or 0) .. ": " end

T("basic operators", function()
  ist(0xF0 | 0x0F, 0xFF); ist(0xF0 & 0x3C, 0x30); ist(0xF0 ~ 0xFF, 0x0F); ist(~0, -1)
  ist(1 << 63, math.mininteger); ist(1 << 64, 0); ist(-1 >> 1, math.maxinteger); ist(-1 >> 64, 0)
  ist(1 << -1, 0); ist(2 >> -1, 4); ist(1 >> 1000, 0); ist(1 << math.mininteger, 0)
  ist(-1 << 0, -1); ist(math.mininteger >> 63, 1); ist(3 >> 1, 1)
  ist(5 & -1, 5); ist(~math.mininteger, math.maxinteger)
  ist(0x7fffffffffffffff + 1 | 0, math.mininteger)
end)

T("floats with integral values", function()
  ist(1.0 | 0, 1); ist(2.0 ^ 53 | 0, 9007199254740992); ist(-0.0 | 0, 0); ist(3.0 << 1.0, 6)
  ist(~1.0, -2); ist(2^62 | 0, 4611686018427387904)
  ist(-2^63 | 0, math.mininteger)
  local m = E(function() return 1.5 | 0 end); is(m, here(0) .. "number has no integer representation")
  m = E(function() local x = 2^63; return x | 0 end); is(m, here(0) .. "number (local 'x') has no integer representation")
  m = E(function() local x = 0/0; return x & 1 end); is(m, here(0) .. "number (local 'x') has no integer representation")
  m = E(function() local x = math.huge; return ~x end); is(m, here(0) .. "number (local 'x') has no integer representation")
  m = E(function() local x = 1e100; return 1 << x end); is(m, here(0) .. "number (local 'x') has no integer representation")
end)

T("strings and other types", function()
  local m = E(function() local s = "3"; return s | 0 end); is(m, here(0) .. "attempt to perform bitwise operation on a string value (local 's')")
  m = E(function() local t = {}; return t & 1 end); is(m, here(0) .. "attempt to perform bitwise operation on a table value (local 't')")
  m = E(function() return nil ~ 1 end); is(m, here(0) .. "attempt to perform bitwise operation on a nil value")
  m = E(function() local b = true; return ~b end); is(m, here(0) .. "attempt to perform bitwise operation on a boolean value (local 'b')")
  m = E(function() return 1 | x end); is(m, here(0) .. "attempt to perform bitwise operation on a nil value (global 'x')")
  m = E(function() local t = {f = 1.5}; return t.f | 1 end); is(m, here(0) .. "number (field 'f') has no integer representation")
  -- metamethods
  local mt = {}
  for _, e in ipairs{"band", "bor", "bxor", "shl", "shr"} do mt["__" .. e] = function(a, b) return e end end
  mt.__bnot = function(a, b) return "bnot" end
  local o = setmetatable({}, mt)
  is(o & 1, "band"); is(1 | o, "bor"); is(o ~ o, "bxor"); is(o << 1, "shl"); is(1 >> o, "shr"); is(~o, "bnot")
  is("a" & o, "band")
  is(1.5 | o, "bor")     -- the metamethod is tried before the conversion error
  -- strings get the metamethod of the other operand only
  m = E(function() return "1" | "2" end); assert(m:find("attempt to perform bitwise operation on a string value"), m)
end)

T("math.tointeger and conversions", function()
  ist(math.tointeger(3.0), 3); is(math.tointeger(3.5), nil); ist(math.tointeger("8"), 8); is(math.tointeger({}), nil)
  ist(math.tointeger(2^63 - 1024), 9223372036854774784); is(math.tointeger(2^63), nil)
  ist(math.tointeger(-2^63), math.mininteger)
  ist(3 // 1.0, 3.0); ist(math.floor(3.7), 3); ist(math.ceil(-3.7), -3); ist(math.floor(2^70), 2^70)
  ist(string.format("%d", 3.0), "3")
  local m = E(string.format, "%d", 3.5); is(m, "bad argument #2 to 'string.format' (number has no integer representation)")
  ist(("x"):rep(2.0), "xx")
  m = E(string.rep, "x", 2.5); is(m, "bad argument #2 to 'string.rep' (number has no integer representation)")
  ist(string.char(65.0), "A")
  m = E(function() return ("abc"):sub(1.5) end); assert(m:find("number has no integer representation"), m)
  local t = {}
  t[1.0] = 1; ist(next(t), 1)
  ist(#"abc" | 0, 3)
end)

if failed > 0 then error(failed .. " failed") end
print("done")
