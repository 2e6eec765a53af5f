-- conform_suite (part B): metamethods (events), self-checking.
local failed = 0
local function T(name, f)
  local ok, msg = pcall(f)
  if ok then print("ok   " .. name) else failed = failed + 1; print("FAIL " .. name .. ": " .. tostring(msg)) end
end
local function err(f, ...)
  local ok, msg = pcall(f, ...)
  assert(not ok, "expected an error")
  return msg
end

T("arithmetic metamethods", function()
  local log = {}
  local mt = {}
  for _, ev in ipairs{"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv",
                      "band", "bor", "bxor", "shl", "shr", "bnot", "concat"} do
    mt["__" .. ev] = function(a, b) log[#log + 1] = ev; return ev end
  end
  local a = setmetatable({}, mt)
  assert(a + 1 == "add" and 1 + a == "add")
  assert(a - 1 == "sub" and a * 2 == "mul" and a / 2 == "div" and a % 2 == "mod")
  assert(a ^ 2 == "pow" and -a == "unm" and a // 2 == "idiv")
  assert(a & 1 == "band" and 1 | a == "bor" and a ~ 1 == "bxor")
  assert(a << 1 == "shl" and 1 >> a == "shr" and ~a == "bnot")
  assert(a .. "x" == "concat" and "x" .. a == "concat" and 1 .. a == "concat")
  assert(#log == 18)
end)

T("unary metamethods receive the operand twice", function()
  local got
  local mt = {__unm = function(...) got = table.pack(...); return 1 end,
              __bnot = function(...) got = table.pack(...); return 2 end,
              __len = function(...) got = table.pack(...); return 3 end}
  local a = setmetatable({}, mt)
  assert(-a == 1 and got.n == 2 and got[1] == a and got[2] == a)
  assert(~a == 2 and got.n == 2 and got[1] == a and got[2] == a)
  assert(#a == 3 and got.n == 2 and got[1] == a and got[2] == a)
end)

T("operand order", function()
  local mt = {__sub = function(x, y) return {x, y} end}
  local a = setmetatable({}, mt)
  local r = 5 - a
  assert(r[1] == 5 and r[2] == a)
  r = a - 5
  assert(r[1] == a and r[2] == 5)
  -- the second operand's metamethod is used if the first has none
  local b = setmetatable({}, {__sub = function(x, y) return "b" end})
  assert(({} - b) == "b")
end)

T("bitwise on strings and floats", function()
  -- the string library gives strings arithmetic metamethods, not bitwise ones
  assert(string.find(err(function() return "3" & 1 end), "attempt to perform bitwise operation on a string value %(constant '3'%)"))
  assert(3.0 | 0 == 3 and math.type(3.0 | 0) == "integer")
  assert(string.find(err(function() return 1.5 | 0 end), "number has no integer representation"))
  assert(string.find(err(function() local s = "1.5"; return s | 0 end), "attempt to perform bitwise operation on a string value %(local 's'%)"))
  assert(string.find(err(function() return "a" | 0 end), "attempt to perform bitwise operation on a string value %(constant 'a'%)"))
  assert(string.find(err(function() local t = {} return t | 0 end), "attempt to perform bitwise operation on a table value %(local 't'%)"))
  assert(string.find(err(function() return 2^63 | 0 end), "number has no integer representation"))
  assert(1 << 64 == 0 and 1 << 63 == math.mininteger and -1 >> 1 == math.maxinteger)
  assert(1 << -1 == 0 and 2 >> -1 == 4)
end)

T("__eq only for tables/userdata of the same type", function()
  local calls = 0
  local mt = {__eq = function(a, b) calls = calls + 1; return true end}
  local a, b = setmetatable({}, mt), setmetatable({}, mt)
  assert(a == b and calls == 1)
  assert(not (a ~= b) and calls == 2)
  assert(a ~= 1 and calls == 2)          -- different types: no metamethod
  assert(a ~= "x" and calls == 2)
  assert(a == a and calls == 2)          -- raw equal: no call
  local c = {}
  assert(a == c and calls == 3)          -- only one operand needs the metamethod
  assert(c == a and calls == 4)
  local mt2 = {__eq = function() return nil end}
  local d = setmetatable({}, mt2)
  assert(not (d == {}))                  -- result converted to boolean
  local e = setmetatable({}, {__eq = function() return "yes" end})
  assert((e == {}) == true)
end)

T("__lt and __le", function()
  local mt = {}
  mt.__lt = function(a, b) return (type(a) == "table" and a.v or a) < (type(b) == "table" and b.v or b) end
  local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
  assert(a < b and not (b < a) and b > a)
  -- mixed types: __lt is tried for a table and a number
  assert(a < 5 and 0 < a)
  -- lua5.4 as built by Debian (LUA_COMPAT_LT_LE) still falls back to not __lt for __le
  assert(a <= b and not (b <= a) and b >= a)
  assert(string.find(err(function() return {} <= {} end), "attempt to compare two table values"))
  mt.__le = function(x, y) return "le" end
  assert((a <= b) == true and (a >= b) == true)
  -- comparisons of different types without metamethods
  assert(string.find(err(function() return {} < 1 end), "attempt to compare table with number"))
  assert(string.find(err(function() return 1 < "2" end), "attempt to compare number with string"))
  assert(string.find(err(function() return "a" < {} end), "attempt to compare string with table"))
  assert(string.find(err(function() return nil >= 1 end), "attempt to compare number with nil"))
  -- result of __lt converted to boolean
  local c = setmetatable({}, {__lt = function() return 0 end})
  assert((c < c) == true)
end)

T("__len", function()
  local t = setmetatable({1, 2, 3}, {__len = function() return 42 end})
  assert(#t == 42 and rawlen(t) == 3)
  local s = setmetatable({}, {__len = function() return "str" end})
  assert(#s == "str")
  assert(string.find(err(function() local x = 1; return #x end), "attempt to get length of a number value %(local 'x'%)"))
  -- the string length is never affected
  assert(#"abc" == 3)
end)

T("__index chains", function()
  local base = {x = "base"}
  local t = base
  for i = 1, 50 do t = setmetatable({}, {__index = t}) end
  assert(t.x == "base" and t.y == nil)
  local calls = 0
  local f = setmetatable({}, {__index = function(tt, k) calls = calls + 1; return k .. "!" end})
  assert(f.a == "a!" and f[1] == "1!" and calls == 2)
  -- rawget bypasses
  assert(rawget(f, "a") == nil)
  -- __index on a string through the string metatable
  assert(("abc"):upper() == "ABC")
  -- __index loop detection
  local loop1, loop2 = {}, {}
  setmetatable(loop1, {__index = loop2})
  setmetatable(loop2, {__index = loop1})
  assert(string.find(err(function() return loop1.x end), "'__index' chain too long; possible loop"))
  -- __index on a non-table value with a metatable set by debug
  debug.setmetatable(10, {__index = function(n, k) return n * 2 end})
  local ok, v = pcall(function() return (5).anything end)
  debug.setmetatable(10, nil)
  assert(ok and v == 10)
end)

T("__newindex", function()
  local store = {}
  local t = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 2) end})
  t.a = 1
  assert(rawget(t, "a") == 2)
  t.a = 5     -- existing key: no metamethod
  assert(t.a == 5)
  local p = setmetatable({}, {__newindex = store})
  p.x = 1
  assert(rawget(p, "x") == nil and store.x == 1)
  -- chain of __newindex tables
  local s2 = {}
  local mid = setmetatable({}, {__newindex = s2})
  local top = setmetatable({}, {__newindex = mid})
  top.k = "v"
  assert(s2.k == "v" and rawget(mid, "k") == nil)
  -- rawset returns the table and bypasses
  assert(rawset(p, "y", 2) == p and rawget(p, "y") == 2)
  -- loops
  local n1, n2 = {}, {}
  setmetatable(n1, {__newindex = n2}); setmetatable(n2, {__newindex = n1})
  assert(string.find(err(function() n1.x = 1 end), "'__newindex' chain too long; possible loop"))
  -- invalid keys
  assert(string.find(err(function() local q = {}; q[nil] = 1 end), "index is nil"))
  assert(string.find(err(function() local q = {}; q[0/0] = 1 end), "index is NaN"))
  assert(string.find(err(rawset, {}, nil, 1), "index is nil"))
end)

T("__call with extra arguments", function()
  local got
  local c = setmetatable({}, {__call = function(...) got = table.pack(...); return "r1", "r2" end})
  local a, b = c(1, nil, 3)
  assert(a == "r1" and b == "r2")
  assert(got.n == 4 and got[1] == c and got[2] == 1 and got[3] == nil and got[4] == 3)
  -- __call chains: a callable whose __call is itself callable
  local inner = setmetatable({}, {__call = function(self, x, y) return "inner", x, y end})
  local outer = setmetatable({}, {__call = inner})
  local r1, r2, r3 = outer(9)
  assert(r1 == "inner" and r2 == outer and r3 == 9)
  -- pcall and xpcall honour __call
  assert(select(2, pcall(c)) == "r1")
  -- method call with __call
  local obj = {m = c}
  obj:m("z")
  assert(got[1] == c and got[2] == obj and got[3] == "z")
end)

T("__concat", function()
  local mt = {__concat = function(a, b)
    local x = type(a) == "table" and "T" or tostring(a)
    local y = type(b) == "table" and "T" or tostring(b)
    return x .. y
  end}
  local t = setmetatable({}, mt)
  assert(t .. 1 == "T1" and 1 .. t == "1T" and 1.5 .. t == "1.5T")
  assert("a" .. "b" .. t .. "c" == "abTc")
  assert(t .. t == "TT")
  assert(1 .. 2 == "12" and 2^63 .. "" == "9.2233720368548e+18" and -0.0 .. "" == "-0.0")
  assert(string.find(err(function() return {} .. "x" end), "attempt to concatenate a table value"))
  assert(string.find(err(function() local b = true; return "x" .. b end), "attempt to concatenate a boolean value %(local 'b'%)"))
  assert(string.find(err(function() return "x" .. nil end), "attempt to concatenate a nil value"))
  assert(string.find(err(function() local t = {}; return "x" .. t.f end), "attempt to concatenate a nil value %(field 'f'%)"))
end)

T("__close", function()
  local log = {}
  do
    local a <close> = setmetatable({}, {__close = function(o, e) log[#log + 1] = "a" .. tostring(e) end})
    local b <close> = setmetatable({}, {__close = function(o, e) log[#log + 1] = "b" .. tostring(e) end})
  end
  assert(table.concat(log, ",") == "bnil,anil")
  local ok, msg = pcall(function()
    local x <close> = setmetatable({}, {__close = function(o, e) log[#log + 1] = "x:" .. tostring(e) end})
    error("E", 0)
  end)
  assert(not ok and msg == "E" and log[3] == "x:E")
  assert(string.find(err(function() local y <close> = {} end), "variable 'y' got a non%-closable value"))
  assert(string.find(err(function() local y <close> = 1 end), "variable 'y' got a non%-closable value"))
end)

T("__gc order and resurrection", function()
  local order = {}
  for i = 1, 5 do
    setmetatable({}, {__gc = function() order[#order + 1] = i end})
  end
  collectgarbage()
  collectgarbage()
  -- finalizers run in reverse order of marking
  assert(table.concat(order, ",") == "5,4,3,2,1", table.concat(order, ","))
  -- __gc added after setmetatable is not registered
  local mt = {}
  local ran = false
  setmetatable({}, mt)
  mt.__gc = function() ran = true end
  collectgarbage()
  assert(not ran)
  -- a __gc field that is not a function is ignored silently at collection
  setmetatable({}, {__gc = true})
  collectgarbage()
  -- an error in __gc becomes a warning, not an error
  setmetatable({}, {__gc = function() error("in gc") end})
  collectgarbage()
end)

T("__mode", function()
  local weak = setmetatable({}, {__mode = "k"})
  local key = {}
  weak[key] = 1
  weak[{}] = 2
  collectgarbage()
  local n = 0
  for k, v in pairs(weak) do n = n + 1 end
  assert(n == 1 and weak[key] == 1)
  local wv = setmetatable({}, {__mode = "v"})
  wv[1] = {}
  wv[2] = "string"
  wv[3] = key
  collectgarbage()
  assert(wv[1] == nil and wv[2] == "string" and wv[3] == key)
  local kv = setmetatable({}, {__mode = "kv"})
  kv[{}] = key
  kv[key] = {}
  kv.x = key
  collectgarbage()
  n = 0
  for k, v in pairs(kv) do n = n + 1 end
  assert(n == 1 and kv.x == key)
end)

T("__metatable protection", function()
  local t = setmetatable({}, {__metatable = "locked"})
  assert(getmetatable(t) == "locked")
  assert(err(setmetatable, t, {}) == "cannot change a protected metatable")
  assert(err(setmetatable, t, nil) == "cannot change a protected metatable")
  -- debug.setmetatable ignores the protection
  debug.setmetatable(t, nil)
  assert(getmetatable(t) == nil)
  -- string metatable is protected? (no: getmetatable returns the table)
  assert(type(getmetatable("")) == "table")
  assert(getmetatable("").__index == string)
  local f = setmetatable({}, {__metatable = false})
  assert(getmetatable(f) == false)
  assert(err(setmetatable, f, {}) == "cannot change a protected metatable")
  assert(string.find(err(setmetatable, 1, {}), "bad argument #1 to 'setmetatable' %(table expected, got number%)"))
  assert(string.find(err(setmetatable, {}, 1), "bad argument #2 to 'setmetatable' %(nil or table expected, got number%)"))
  assert(string.find(err(setmetatable, {}), "bad argument #2 to 'setmetatable' %(nil or table expected, got no value%)"))
end)

T("__tostring and __name", function()
  local t = setmetatable({}, {__tostring = function() return "custom" end})
  assert(tostring(t) == "custom")
  local num = setmetatable({}, {__tostring = function() return 1 end})
  assert(tostring(num) == "1")   -- a number is a string for lua_isstring, converted
  local bad = setmetatable({}, {__tostring = function() return {} end})
  assert(err(tostring, bad) == "'__tostring' must return a string")
  local bad2 = setmetatable({}, {__tostring = function() return nil end})
  assert(err(tostring, bad2) == "'__tostring' must return a string")
  -- print uses __tostring and fails the same way
  assert(string.find(err(print, bad), "'__tostring' must return a string"))
  local named = setmetatable({}, {__name = "MyType"})
  assert(string.find(tostring(named), "^MyType: "))
  local nn = setmetatable({}, {__name = 42})
  assert(string.find(tostring(nn), "^table: "))
  -- __name in argument errors
  assert(string.find(err(string.rep, named), "bad argument #1 to 'string.rep' %(string expected, got MyType%)"), err(string.rep, named))
  assert(string.find(err(math.floor, named), "number expected, got MyType"))
  -- __name does not change the type in operator errors
  assert(string.find(err(function() return named + 1 end), "attempt to perform arithmetic on a MyType value %(upvalue 'named'%)"), err(function() return named + 1 end))
  -- __tostring can return a string with a __name
  local both = setmetatable({}, {__name = "N", __tostring = function() return "S" end})
  assert(tostring(both) == "S")
end)

T("__index/__newindex on strings and numbers are errors", function()
  assert(string.find(err(function() local s = "x"; s.y = 1 end), "attempt to index a string value %(local 's'%)"))
  assert(string.find(err(function() local n = 1; return n.y end), "attempt to index a number value %(local 'n'%)"))
  assert(("x").y == nil)
end)

T("metamethods are raw lookups", function()
  -- a metatable's __index does not provide metamethods
  local mt = setmetatable({}, {__index = {__add = function() return "no" end}})
  local t = setmetatable({}, mt)
  assert(string.find(err(function() return t + 1 end), "attempt to perform arithmetic on a table value"))
end)

T("arithmetic on strings", function()
  assert("10" + 1 == 11 and math.type("10" + 1) == "integer")
  assert("0x10" + 0 == 16 and "1e1" + 0 == 10.0)
  assert("3" * "4" == 12 and "7" // "2" == 3 and -"2" == -2)
  -- a string that is not a numeral: the string metamethod's own error
  assert(string.find(err(function() return "abc" + 1 end), "attempt to add a 'string' with a 'number'"))
  assert(string.find(err(function() local s = "x"; return s * 2 end), "attempt to mul a 'string' with a 'number'"))
  assert(string.find(err(function() return 2 ^ "x" end), "attempt to pow a 'number' with a 'string'"))
  assert(string.find(err(function() return -"x" end), "attempt to unm a 'string' with a 'string'"))
  assert(string.find(err(function() return "1" + {} end), "attempt to add a 'string' with a 'table'"))
  assert(string.find(err(function() return {} + "1" end), "attempt to add a 'table' with a 'string'"))
  assert(string.find(err(function() local t = {}; return t + 1 end), "attempt to perform arithmetic on a table value %(local 't'%)"))
  assert(string.find(err(function() return {} + 1 end), "attempt to perform arithmetic on a table value"))
  -- string arithmetic goes through the string metatable: replacing __add changes it
  local smt = getmetatable("")
  local old = smt.__add
  smt.__add = function(a, b) return "patched" end
  local r = "1" + 1
  smt.__add = old
  assert(r == "patched")
end)

T("__idiv and __mod by zero", function()
  assert(string.find(err(function() return 1 // 0 end), "attempt to perform 'n//0'") or
         string.find(err(function() return 1 // 0 end), "attempt to divide by zero"))
  assert(string.find(err(function() return 1 % 0 end), "attempt to perform 'n%%0'"))
  assert(1.0 // 0 == math.huge and -1 // 0.0 == -math.huge)
  assert(math.mininteger // -1 == math.mininteger and math.mininteger % -1 == 0)
end)

print(failed == 0 and "all passed" or (failed .. " failed"))
assert(failed == 0)
