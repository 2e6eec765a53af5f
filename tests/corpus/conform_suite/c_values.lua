-- conform_suite (part C): varargs, closures and upvalue sharing, next/pairs while modifying, bitwise
-- operators on floats and strings, and the collector's modes, self-checking, written from the manual.
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
local function is(got, want, what)
  assert(got == want, (what and what .. ": " or "") .. "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]")
end
local function EM(f, ...)
  local ok, msg = pcall(f, ...)
  assert(not ok, "expected an error")
  return type(msg) == "string" and (msg:gsub("^[^:]*:%d+: ", "")) or msg
end

T("varargs", function()
  local function count(...) return select("#", ...) end
  is(count(), 0); is(count(nil), 1); is(count(nil, nil), 2); is(count(1, nil, 3, nil), 4)
  local function pass(...) return ... end
  is(count(pass(1, 2, 3)), 3); is(count(pass(1, 2, 3), 4), 2); is(count((pass(1, 2, 3))), 1)
  local function tail(...) local a, b = ... return b, a end
  local x, y = tail(1, 2, 3); is(x, 2); is(y, 1)
  local t = {pass(1, 2, 3)}; is(#t, 3)
  t = {pass(1, 2, 3), 10}; is(#t, 2); is(t[2], 10)
  is(select(-1, 1, 2, 3), 3); is(select(-3, 1, 2, 3), 1); is(select(2, "a", "b", "c"), "b")
  is(EM(select, -4, 1, 2, 3), "bad argument #1 to 'select' (index out of range)")
  is(EM(select, 0, 1), "bad argument #1 to 'select' (index out of range)")
  is(count(select(4, 1, 2, 3)), 0)
  local p = table.pack(pass(nil, nil)); is(p.n, 2)
  is(count(table.unpack({1, nil, 3})), 3)
  is(count(table.unpack({}, 1, 5)), 5)
  -- many values
  local big = {}
  for i = 1, 250 do big[i] = i end
  is(count(table.unpack(big)), 250)
  is(select("#", pass(table.unpack(big, 1, 10000))), 10000)
  -- ... in the main chunk of a loaded function
  local f = load("return select('#', ...), ...")
  local n, a, b = f("x", "y"); is(n, 2); is(a, "x"); is(b, "y")
  local g, msg = load("function f() return ... end")
  is(g, nil); assert(msg:find("cannot use '...' outside a vararg function near '...'"), msg)
  -- varargs and arg adjustments in method calls
  local obj = {v = 5}
  function obj:m(...) return self.v, select("#", ...) end
  local v, c = obj:m(nil, nil); is(v, 5); is(c, 2)
end)

T("closures and upvalue sharing", function()
  local function counter()
    local n = 0
    return function() n = n + 1 return n end, function() return n end
  end
  local inc, get = counter()
  inc(); inc(); is(get(), 2)
  local inc2 = counter(); inc2(); is(get(), 2)
  -- a fresh local per loop iteration
  local fs = {}
  for i = 1, 3 do fs[i] = function() return i end end
  is(fs[1]() + fs[2]() + fs[3](), 6)
  fs = {}
  local k = 1
  while k <= 3 do local j = k; fs[k] = function() j = j * 10 return j end; k = k + 1 end
  is(fs[1](), 10); is(fs[1](), 100); is(fs[2](), 20)
  -- closures made in the same iteration share the variable
  local set, read
  for i = 1, 1 do
    local v = 0
    set = function(x) v = x end
    read = function() return v end
  end
  set(42); is(read(), 42)
  -- repeat-until's condition sees the body's locals
  local r = 0
  repeat local stop = r >= 2; r = r + 1 until stop
  is(r, 3)
  -- upvalue identity through debug
  local function mk() local a = 1 return function() return a end, function() a = a + 1 end end
  local f1, f2 = mk()
  is(debug.upvalueid(f1, 1) == debug.upvalueid(f2, 1), true)
  local g1 = mk()
  is(debug.upvalueid(f1, 1) == debug.upvalueid(g1, 1), false)
  f2(); is(f1(), 2)
  -- recursive local function sees itself
  local function fact(n) return n <= 1 and 1 or n * fact(n - 1) end
  is(fact(20), 2432902008176640000)
  local notrec = function(n) return n end
  local notrec = function(n) if n == 0 then return "inner" end return notrec(n) end
  is(notrec(5), 5)
  -- closures capturing loop control variable of numeric for with float steps
  fs = {}
  for x = 0.5, 1.5, 0.5 do fs[#fs + 1] = function() return x end end
  is(fs[1]() + fs[2]() + fs[3](), 3.0)
  -- a closure over a <const> and one over a <close>d variable
  local cst <const> = 10
  local fc = function() return cst * 2 end
  is(fc(), 20)
end)

T("next and pairs while modifying", function()
  -- assigning nil to existing fields during traversal is allowed
  local t = {}
  for i = 1, 100 do t[i] = i; t["k" .. i] = i end
  local n = 0
  for k in pairs(t) do t[k] = nil; n = n + 1 end
  is(n, 200); is(next(t), nil)
  -- changing values of existing fields is allowed
  t = {a = 1, b = 2, c = 3}
  for k, v in pairs(t) do t[k] = v * 10 end
  is(t.a + t.b + t.c, 60)
  -- next with a key that is not in the table
  is(EM(next, {a = 1}, "zz"), "invalid key to 'next'")
  is(EM(next, {}, 1), "invalid key to 'next'")
  is(next({}, nil), nil)
  is(EM(next), "bad argument #1 to 'next' (table expected, got no value)")
  -- a key removed during traversal can still be passed to next
  t = {x = 1, y = 2, z = 3}
  local seen = {}
  local k = next(t)
  while k do
    seen[#seen + 1] = k
    t[k] = nil
    k = next(t, k)
  end
  is(#seen, 3)
  -- pairs honours __pairs; ipairs stops at the first nil and honours __index
  local p = setmetatable({}, {__pairs = function(s) return function(_, i) if not i then return 1, "one" end end, s, nil end})
  local got = {}
  for i, v in pairs(p) do got[#got + 1] = i .. v end
  is(table.concat(got), "1one")
  local ip = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 2 end end})
  local sum = 0
  for _, v in ipairs(ip) do sum = sum + v end
  is(sum, 12)
  local holes = {1, 2, nil, 4}
  local c = 0
  for _ in ipairs(holes) do c = c + 1 end
  is(c, 2)
  -- integer and float keys are the same key
  t = {}
  t[1.0] = "a"; t[2] = "b"
  is(t[1], "a"); is(t[2.0], "b")
  local kinds = {}
  for key in pairs(t) do kinds[#kinds + 1] = math.type(key) end
  is(table.concat(kinds, ","), "integer,integer")
  is(EM(function() t[0/0] = 1 end), "table index is NaN")
  is(EM(function() t[nil] = 1 end), "table index is nil")
  is(t[nil], nil); is(t[0/0], nil)
end)

T("bitwise operators on floats and strings", function()
  is(3.0 | 0, 3); is(math.type(3.0 | 0), "integer"); is(2^53 | 0, 9007199254740992)
  is(EM(function() return 3.5 | 0 end), "number has no integer representation")
  is(EM(function() return 2^63 | 0 end), "number has no integer representation")
  is(EM(function() return math.huge & 1 end), "number (field 'huge') has no integer representation")
  is(EM(function() return (0/0) ~ 1 end), "number has no integer representation")
  -- strings are not coerced by bitwise operators (the string metamethods cover arithmetic only)
  is(EM(function() return "3" | 0 end), "attempt to perform bitwise operation on a string value (constant '3')")
  local hex = "0x10"
  is(EM(function() return hex & 0xff end), "attempt to perform bitwise operation on a string value (upvalue 'hex')")
  is(EM(function() return 1 << "2" end), "attempt to perform bitwise operation on a string value (constant '2')")
  is(EM(function() return ~"1" end), "attempt to perform bitwise operation on a string value (constant '1')")
  is("3" + 0, 3); is("0x10" * 1, 16); is(-"2", -2); is("3.0" // 1, 3.0)
  is(EM(function() return "abc" | 0 end), "attempt to perform bitwise operation on a string value (constant 'abc')")
  local s = "x"
  is(EM(function() return s & 1 end), "attempt to perform bitwise operation on a string value (upvalue 's')")
  is(EM(function() return {} ~ 1 end), "attempt to perform bitwise operation on a table value")
  is(EM(function() return 1 >> nil end), "attempt to perform bitwise operation on a nil value")
  local fl = 1.5
  is(EM(function() return fl | 1 end), "number (upvalue 'fl') has no integer representation")
  -- shifts: negative shifts go the other way; 64 or more give 0
  is(1 << 63, math.mininteger); is(1 << 64, 0); is(-1 >> 1, math.maxinteger); is(1 << -1, 0); is(8 >> -1, 16)
  is(-1 >> 64, 0); is(~0, -1); is(5 // 0.0, math.huge); is(-5 % math.huge, math.huge)
  is(math.mininteger // -1, math.mininteger); is(math.mininteger % -1, 0)
  -- strings with __bxor etc. from the string metatable? no: coercion only for numerals
  is("10" + 0, 10); is(math.type("10" + 0), "integer"); is(math.type("10.0" + 0), "float")
  is(EM(function() return "10" < 5 end), "attempt to compare string with number")
  -- bitwise metamethods get the operands as they are
  local mt = {__band = function(a, b) return "band" end, __shl = function(a, b) return type(a) .. type(b) end, __bnot = function(a) return "bnot" end}
  local o = setmetatable({}, mt)
  is(o & 1, "band"); is(1 << o, "numbertable"); is(~o, "bnot"); is(2.5 & o, "band")
end)

T("collector modes", function()
  is(collectgarbage("isrunning"), true)
  local prev = collectgarbage("incremental")
  is(prev, "generational")   -- lua.c runs scripts in generational mode
  is(collectgarbage("incremental"), "incremental")
  is(collectgarbage("generational"), "incremental")
  is(collectgarbage("generational"), "generational")
  is(collectgarbage("incremental", 150, 200, 10), "generational")
  is(collectgarbage("setpause", 180), 148)
  is(collectgarbage("setpause", 200), 180)
  is(collectgarbage("setstepmul", 100), 200)
  is(collectgarbage("generational", 10, 50), "incremental")
  is(collectgarbage("incremental", 0, 0, 0), "generational")
  -- a full collection in each mode clears weak entries and runs finalizers
  for _, mode in ipairs{"incremental", "generational", "incremental"} do
    collectgarbage(mode)
    local fin = 0
    local weak = setmetatable({}, {__mode = "k"})
    do
      local key = setmetatable({}, {__gc = function() fin = fin + 1 end})
      weak[key] = true
    end
    collectgarbage(); collectgarbage()
    is(fin, 1, mode); is(next(weak), nil, mode)
  end
  collectgarbage("generational")
  is(collectgarbage("step", 0) ~= nil, true)
  is(type(collectgarbage("count")), "number")
  is(collectgarbage("stop"), 0); is(collectgarbage("isrunning"), false)
  is(collectgarbage("restart"), 0); is(collectgarbage("isrunning"), true)
  is(EM(collectgarbage, "bogus"), "bad argument #1 to 'collectgarbage' (invalid option 'bogus')")
  is(collectgarbage("collect"), 0)
  -- switching mode while a cache fills keeps it bounded in both modes
  for _, mode in ipairs{"incremental", "generational"} do
    collectgarbage(mode)
    local cache = setmetatable({}, {__mode = "v"})
    for i = 1, 200000 do cache[i] = {} ; if i == 100000 then collectgarbage(mode == "incremental" and "generational" or "incremental") end end
    local left = 0
    for _ in pairs(cache) do left = left + 1 end
    is(left < 20000, true, mode)
  end
  collectgarbage("generational")
end)

print(failed == 0 and "all passed" or (failed .. " failed"))
assert(failed == 0)
