-- conform_suite (part D): closures and upvalues, self-checking.
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

T("shared upvalues", function()
  local function counter()
    local n = 0
    return function() n = n + 1; return n end, function() return n end, function(v) n = v end
  end
  local inc, get, set = counter()
  inc(); inc()
  is(get(), 2)
  set(10); is(inc(), 11)
  local inc2, get2 = counter()
  is(get2(), 0); is(get(), 11)
  local x = 1
  local function f() return x end
  x = 2
  is(f(), 2)   -- the upvalue is the variable, not a copy
  local g = function() x = x + 1 end
  g(); is(x, 3); is(f(), 3)
end)

T("fresh variables per iteration", function()
  local fs = {}
  for i = 1, 3 do fs[i] = function() return i end end
  is(fs[1](), 1); is(fs[3](), 3)
  fs = {}
  for k, v in pairs({a = 1, b = 2}) do fs[k] = function() return v end end
  is(fs.a(), 1); is(fs.b(), 2)
  fs = {}
  local i = 1
  while i <= 3 do local j = i; fs[i] = function() j = j + 10; return j end; i = i + 1 end
  is(fs[1](), 11); is(fs[1](), 21); is(fs[2](), 12)
  fs = {}
  i = 0
  repeat local j = i; fs[#fs + 1] = function() return j end; i = i + 1 until j >= 2
  is(fs[1](), 0); is(fs[3](), 2)
  -- a loop variable modified inside the body is that iteration's copy
  fs = {}
  for i = 1, 3 do local k = i; i = i * 100; fs[k] = function() return i end end
  is(fs[2](), 200)
  -- closures in the same iteration share
  local a, b
  for i = 1, 1 do a = function() i = i + 1 return i end; b = function() return i end end
  a(); is(b(), 2)
  -- goto back creates a fresh local each time
  fs = {}
  local n = 0
  ::again::
  local v = n
  fs[#fs + 1] = function() return v end
  n = n + 1
  if n < 3 then goto again end
  is(fs[1](), 0); is(fs[2](), 1); is(fs[3](), 2)
end)

T("recursive local functions", function()
  local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
  is(fact(20), 2432902008176640000)
  local fib
  fib = function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
  is(fib(20), 6765)
  local isodd
  local function iseven(n) if n == 0 then return true end return isodd(n - 1) end
  function isodd(n) if n == 0 then return false end return iseven(n - 1) end
  is(iseven(10), true); is(isodd(7), true)
  local m = E(function() local g = function(n) if n == 0 then return 0 end return g(n - 1) end; return g(3) end)
  assert(m:find("attempt to call a nil value %(global 'g'%)"), m)
end)

T("nested closures and levels", function()
  local function outer()
    local a = 1
    return function()
      local b = 2
      return function()
        local c = 3
        return function() a = a + 1; return a + b + c end
      end
    end
  end
  local f = outer()()()
  is(f(), 7); is(f(), 8)
  local adders = {}
  for i = 1, 5 do adders[i] = function(x) return function(y) return x + y + i end end end
  is(adders[3](10)(100), 113)
  -- closures over parameters
  local function mk(p) return function() p = p * 2; return p end end
  local d = mk(3)
  is(d(), 6); is(d(), 12)
  -- vararg captured through a table
  local function capture(...) local t = {...}; return function() return #t end end
  is(capture(1, 2, 3)(), 3)
end)

T("closures and coroutines", function()
  local function gen(n)
    return coroutine.wrap(function() for i = 1, n do coroutine.yield(function() return i end) end end)
  end
  local g = gen(3)
  local f1, f2 = g(), g()
  is(f1(), 1); is(f2(), 2)
  local shared = 0
  local co = coroutine.wrap(function() while true do shared = shared + 1; coroutine.yield() end end)
  co(); co()
  is(shared, 2)
  -- an upvalue of a suspended coroutine's frame stays live
  local get
  local c2 = coroutine.create(function() local x = 5; get = function() return x end; coroutine.yield(); x = 6; coroutine.yield() end)
  coroutine.resume(c2)
  is(get(), 5)
  coroutine.resume(c2)
  is(get(), 6)
  coroutine.resume(c2)
  is(get(), 6)
end)

T("debug.upvalueid and upvaluejoin", function()
  local a, b = 1, 2
  local function f() return a end
  local function g() return a, b end
  local function h() return b end
  is(debug.upvalueid(f, 1) == debug.upvalueid(g, 1), true)
  is(debug.upvalueid(f, 1) == debug.upvalueid(g, 2), false)
  is(debug.upvalueid(g, 2) == debug.upvalueid(h, 1), true)
  is(type(debug.upvalueid(f, 1)), "userdata")
  is(debug.upvalueid(f, 2), nil); is(debug.upvalueid(f, 0), nil)   -- no error for a bad index
  local m
  is(debug.upvalueid(print, 1), nil)
  m = E(debug.upvalueid, 1, 1); is(m, "bad argument #1 to 'debug.upvalueid' (function expected, got number)")
  debug.upvaluejoin(f, 1, h, 1)   -- f's first upvalue is now h's (b)
  is(f(), 2)
  is(debug.upvalueid(f, 1) == debug.upvalueid(h, 1), true)
  b = 20
  is(f(), 20)
  a = 100
  is(f(), 20); is(g(), 100)
  m = E(debug.upvaluejoin, f, 2, h, 1); is(m, "bad argument #2 to 'debug.upvaluejoin' (invalid upvalue index)")
  m = E(debug.upvaluejoin, f, 1, h, 2); is(m, "bad argument #4 to 'debug.upvaluejoin' (invalid upvalue index)")
  m = E(debug.upvaluejoin, print, 1, h, 1); is(m, "bad argument #2 to 'debug.upvaluejoin' (invalid upvalue index)")
  m = E(debug.upvaluejoin, f, 1, print, 1); is(m, "bad argument #4 to 'debug.upvaluejoin' (invalid upvalue index)")
  -- getupvalue / setupvalue
  local n1, v1 = debug.getupvalue(g, 1)
  is(n1, "a"); is(v1, 100)
  is(debug.setupvalue(g, 2, 7), "b")
  is(h(), 7)
  is(debug.getupvalue(g, 3), nil)
  is(debug.setupvalue(g, 3, 1), nil)
  local cnt = 0
  for i = 1, 10 do if debug.getupvalue(string.gmatch("a", "a"), i) then cnt = cnt + 1 end end
  print("C closure upvalues of gmatch", cnt, debug.getupvalue(string.gmatch("a", "a"), 1))
  -- _ENV as an upvalue
  local function usesenv() return print end
  is(debug.getupvalue(usesenv, 1), "_ENV")
  local fenv = load("return x")
  debug.setupvalue(fenv, 1, {x = 42})
  is(fenv(), 42)
end)

T("closure identity", function()
  local fs = {}
  for i = 1, 2 do fs[i] = function() end end
  print("same closure per iteration", fs[1] == fs[2])
  local function mk() return function() end end
  print("same closure from two calls", mk() == mk())
  local function mk2(x) return function() return x end end
  is(mk2(1) == mk2(1), false)
end)

if failed > 0 then error(failed .. " failed") end
print("done")
