-- conform_suite (part B): errors, self-checking.
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
-- the position prefix of the line that calls L
local function L() return "b_errors.lua:" .. debug.getinfo(2, "l").currentline .. ": " end
local function P(f) return "b_errors.lua:" .. debug.getinfo(f, "S").linedefined .. ": " end
local function is(got, want) assert(got == want, "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]") end

T("error levels", function()
  local function lvl1() error("m1") end
  local function lvl2() error("m2", 2) end
  local function call2() lvl2() end                   -- line of this call is blamed
  local function lvl0() error("m0", 0) end
  is(E(lvl1), P(lvl1) .. "m1")
  is(E(call2), P(call2) .. "m2")
  is(E(lvl0), "m0")
  local function lvl3() error("m3", 3) end
  local function a() lvl3() end
  local function b() a() end                          -- blamed
  is(E(b), P(b) .. "m3")
  -- a level beyond the stack adds no position
  is(E(function() error("far", 50) end), "far")
  -- level 2 pointing to a C function (pcall) adds no position
  is(E(error, "direct", 2), "b_errors.lua:8: direct")   -- level 2 is the pcall in E, line 8
  is(E(error, "direct1", 1), "direct1")
  is(E(error), nil)
end)

T("non-string error values", function()
  local t = {}
  assert(E(error, t) == t)
  assert(E(error, 42) == 42)              -- numbers get no position
  assert(E(function() error(42) end) == 42)
  assert(E(function() error(true) end) == true)
  assert(E(function() error(nil) end) == nil)
  local ok, v = pcall(error)
  assert(not ok and v == nil)
  local mt = setmetatable({}, {__tostring = function() return "obj" end})
  assert(E(function() error(mt) end) == mt)
  -- error objects pass unchanged through nested pcall
  local ok2, v2 = pcall(function()
    local ok3, v3 = pcall(error, t)
    assert(not ok3 and v3 == t)
    error(v3)
  end)
  assert(not ok2 and v2 == t)
end)

T("xpcall", function()
  local function h(m) return "H(" .. tostring(m) .. ")" end
  local r = table.pack(xpcall(function(a, b) return a + b, "x" end, h, 1, 2))
  assert(r.n == 3 and r[1] == true and r[2] == 3 and r[3] == "x")
  r = table.pack(xpcall(error, h, "e", 0))
  assert(r.n == 2 and r[1] == false and r[2] == "H(e)")
  -- the handler gets the original object and may return several values (first kept)
  local obj = {}
  local ok, v, w = xpcall(function() error(obj) end, function(m) return m, "extra" end)
  assert(not ok and v == obj and w == nil)
  -- handler runs at the point of the error (traceback has the erroring function)
  local tb
  xpcall(function() local x = nil; return x.y end, function(m) tb = debug.traceback(m, 1); return m end)
  assert(string.find(tb, "attempt to index a nil value %(local 'x'%)"))
  assert(string.find(tb, "stack traceback:"))
  -- error in the handler
  local ok2, v2 = xpcall(error, function(m) error("again") end, "first")
  assert(not ok2)
  is(tostring(v2), "error in error handling")
  -- missing handler
  is(E(xpcall, print), "bad argument #2 to 'xpcall' (function expected, got no value)")
  -- non-function handler: called on error -> error in error handling
  is(E(xpcall, error, 42, "x"), "bad argument #2 to 'xpcall' (function expected, got number)")
  -- pcall without function
  is(E(pcall), "bad argument #1 to 'pcall' (value expected)")
  local ok4, v4 = pcall(pcall)
  assert(not ok4 and v4 == "bad argument #1 to 'pcall' (value expected)")
  assert(select('#', pcall(type, nil)) == 2 and select('#', pcall(rawequal, 1, 1)) == 2)
  local ok5, v5 = pcall(42)
  assert(not ok5 and v5 == "attempt to call a number value")
end)

T("variable names in messages", function()
  local a
  is(E(function() return a.x end), L() .. "attempt to index a nil value (upvalue 'a')")
  is(E(function() local b; return b.x end), L() .. "attempt to index a nil value (local 'b')")
  is(E(function() return gx.y end), L() .. "attempt to index a nil value (global 'gx')")
  is(E(function() local t = {}; return t.x.y end), L() .. "attempt to index a nil value (field 'x')")
  is(E(function() local t = {}; return t[1][2] end), L() .. "attempt to index a nil value (field 'integer index')")
  is(E(function() local t, k = {}, "kk"; return t[k].z end), L() .. "attempt to index a nil value (field '?')")
  is(E(function() local s = "str"; return s.x.y end), L() .. "attempt to index a nil value (field 'x')")
  is(E(function() return ("x"):nomethod() end), L() .. "attempt to call a nil value (method 'nomethod')")
  is(E(function() local t = {}; t.x.y = 1 end), L() .. "attempt to index a nil value (field 'x')")
  is(E(function() a.b = 1 end), L() .. "attempt to index a nil value (upvalue 'a')")
  is(E(function() gy.b = 1 end), L() .. "attempt to index a nil value (global 'gy')")
  local cst <const> = "constant"
  is(E(function() return cst.x.y end), L() .. "attempt to index a nil value (field 'x')")
  is(E(function() local n <const> = nil; return n.x end), L() .. "attempt to index a nil value")  -- a constant: no name
  is(E(function() return (1).x end), L() .. "attempt to index a number value")
  is(E(function() local n = 1; return n + {} end), L() .. "attempt to perform arithmetic on a table value")
  is(E(function() local t = {}; return 1 + t.f end), L() .. "attempt to perform arithmetic on a nil value (field 'f')")
  is(E(function() return 1 + gz end), L() .. "attempt to perform arithmetic on a nil value (global 'gz')")
  is(E(function() return a + 1 end), L() .. "attempt to perform arithmetic on a nil value (upvalue 'a')")
  is(E(function() return -{} end), L() .. "attempt to perform arithmetic on a table value")
  is(E(function() return #nil end), L() .. "attempt to get length of a nil value")
  is(E(function() local t = {}; return t.a.b.c end), L() .. "attempt to index a nil value (field 'a')")
  is(E(function() return math.nofunc() end), L() .. "attempt to call a nil value (field 'nofunc')")
  is(E(function() return string.nofunc() end), L() .. "attempt to call a nil value (field 'nofunc')")
  is(E((function() local up = a; return function() return up() end end)()), L() .. "attempt to call a nil value (upvalue 'up')")
  is(E(function() return ({})() end), L() .. "attempt to call a table value")
  is(E(function() return 1 < {} end), L() .. "attempt to compare number with table")
  is(E(function() return {} < {} end), L() .. "attempt to compare two table values")
  is(E(function() return "a" < 1 end), L() .. "attempt to compare string with number")
  is(E(function() return 1 & 1.5 end), L() .. "number has no integer representation")
  is(E(function() local f = 2.5; return f | 1 end), L() .. "number (local 'f') has no integer representation")
  is(E(function() return 1 & {} end), L() .. "attempt to perform bitwise operation on a table value")
  is(E(function() return math.huge // 1 | 0 end), L() .. "number has no integer representation")
end)

T("for loop errors", function()
  is(E(function() for i = "a", 2 do end end), L() .. "bad 'for' initial value (number expected, got string)")
  is(E(function() for i = 1, {} do end end), L() .. "bad 'for' limit (number expected, got table)")
  is(E(function() for i = 1, 2, nil do end end), L() .. "bad 'for' step (number expected, got nil)")
  is(E(function() local f = 1.5; for i = 1, 2, f - 1.5 do end end), L() .. "'for' step is zero")
  is(E(function() for i = 1, 2, 0 do end end), L() .. "'for' step is zero")
  is(E(function() for i = 1.0, 2, 0 do end end), L() .. "'for' step is zero")
  local n = 0
  for i = "1", "2" do n = n + 1; assert(math.type(i) == "float") end   -- numerals are converted to floats
  assert(n == 2)
  for i = "1.0", 2 do n = n + 1; assert(math.type(i) == "float") end
  assert(n == 4)
  is(E(function() for k in nil do end end), L() .. "attempt to call a nil value (for iterator 'for iterator')")
  is(E(function() local t = {}; for k in t do end end), L() .. "attempt to call a table value (for iterator 'for iterator')")
end)

T("integer overflow in for loops", function()
  local n = 0
  for i = math.maxinteger - 2, math.maxinteger do n = n + 1 end
  assert(n == 3)
  n = 0
  for i = math.mininteger, math.mininteger + 2 do n = n + 1 end
  assert(n == 3)
  n = 0
  for i = math.mininteger + 2, math.mininteger, -1 do n = n + 1 end
  assert(n == 3)
  n = 0
  for i = 1, math.maxinteger, math.maxinteger do n = n + 1 end
  assert(n == 1)
  n = 0
  for i = math.maxinteger, math.mininteger, math.mininteger do n = n + 1 end
  assert(n == 2)
  n = 0
  for i = 0, 10, 4 do n = n + 1 end
  assert(n == 3)
  -- float limits with integer loops
  n = 0
  for i = 1, 3.5 do n = n + 1; assert(math.type(i) == "integer") end
  assert(n == 3)
  n = 0
  for i = 1, math.huge do n = n + 1; if n == 5 then break end end
  assert(n == 5)
  n = 0
  for i = 1, -math.huge do n = n + 1 end
  assert(n == 0)
  n = 0
  for i = math.maxinteger - 1, 2^63 do n = n + 1 end
  assert(n == 2)
  n = 0
  for i = -3, -2^63, -1 do n = n + 1; if n > 5 then break end end
  assert(n == 6)
  -- float loops
  n = 0
  for x = 0.1, 1.0, 0.1 do n = n + 1 end
  assert(n == 10 or n == 9)
  local last
  for x = 1, 0, -0.25 do last = x end
  assert(last == 0.0 and math.type(last) == "float")
  n = 0
  for i = 3, 1 do n = n + 1 end
  assert(n == 0)
end)

T("error with position from different levels", function()
  local function check(x) if type(x) ~= "number" then error("need number", 2) end end
  local function user() check("no") end
  is(E(user), P(user) .. "need number")
  -- error from a function called through pcall directly: level 2 is pcall (C)
  local ok, msg = pcall(check, "no")
  assert(msg == "need number", msg)
end)

T("tostring of error messages in runtime errors", function()
  -- integer keys and float keys in 'field' names are '?'
  is(E(function() local t = {}; return t[1.5].x end), L() .. "attempt to index a nil value (field '?')")
  -- method call on a nil field of a global table
  is(E(function() return string.xyz("a") end), L() .. "attempt to call a nil value (field 'xyz')")
  -- calling through a local that holds a number
  is(E(function() local f = 1; f() end), L() .. "attempt to call a number value (local 'f')")
end)

T("assert", function()
  is(E(assert, false), "assertion failed!")
  is(E(assert, nil, "custom"), "custom")
  local t = {}
  assert(E(assert, false, t) == t)
  is(E(assert), "bad argument #1 to 'assert' (value expected)")
  local a, b, c = assert(1, 2, 3)
  assert(a == 1 and b == 2 and c == 3)
end)

T("error in __index reports its own position", function()
  local idx = function(t, k) error("no field " .. k) end
  local t = setmetatable({}, {__index = idx})
  is(E(function() return t.foo end), P(idx) .. "no field foo")
  local u = setmetatable({}, {__index = function(t, k) error("no field " .. k, 2) end})
  is(E(function() return u.bar end), L() .. "no field bar")
end)

T("tostring/tonumber errors", function()
  is(E(tostring), "bad argument #1 to 'tostring' (value expected)")
  is(E(tonumber), "bad argument #1 to 'tonumber' (value expected)")
  is(E(tonumber, "10", 99), "bad argument #2 to 'tonumber' (base out of range)")
  is(E(tonumber, 10, 16), "bad argument #1 to 'tonumber' (string expected, got number)")
  assert(tonumber("z", 36) == 35 and tonumber("  ff  ", 16) == 255 and tonumber("8", 8) == nil)
  assert(tonumber("0x") == nil and tonumber("1e") == nil and tonumber("") == nil and tonumber(" ") == nil)
  assert(tonumber("0x7fffffffffffffff") == math.maxinteger and tonumber("0xffffffffffffffff") == -1)
  assert(tonumber("9223372036854775808") == 2^63)
end)

print(failed == 0 and "all passed" or (failed .. " failed"))
assert(failed == 0)
