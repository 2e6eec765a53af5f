-- conform_suite (part B): calls and closures, self-checking in the style of a
-- conformance suite. Each section runs under pcall and prints its name; a
-- failed assertion prints FAIL with its message and the file ends in error.
local failed = 0
local function T(name, f)
  local ok, msg = pcall(f)
  if ok then print("ok   " .. name) else failed = failed + 1; print("FAIL " .. name .. ": " .. tostring(msg)) end
end

-- varargs of the main chunk
local mainargs = table.pack(...)
local nmain = select('#', ...)
T("main chunk varargs", function()
  assert(mainargs.n == 0 and nmain == 0)
end)

T("deep recursion: stack overflow caught", function()
  local function rec(n) return 1 + rec(n + 1) end
  local ok, msg = pcall(rec, 1)
  assert(not ok)
  assert(string.find(msg, "stack overflow"), msg)
  -- the state works afterwards
  local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
  assert(depth(5000) == 5000)
  -- and again: overflow twice in a row
  local ok2, msg2 = pcall(rec, 1)
  assert(not ok2 and string.find(msg2, "stack overflow"))
end)

T("stack overflow message format", function()
  local function rec() local x = rec(); return x end
  local ok, msg = pcall(rec)
  assert(not ok)
  assert(string.find(msg, "^.-:%d+: stack overflow"), msg)
end)

T("stack overflow in error handler of xpcall", function()
  local function rec() return 1 + rec() end
  local ok, msg = xpcall(rec, function(m) return "handled: " .. tostring(m) end)
  assert(not ok)
  assert(string.find(msg, "handled: ") and string.find(msg, "stack overflow"), msg)
end)

T("unbounded tail recursion", function()
  local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
  assert(loop(300000, 0) == 300000)      -- deeper than any stack allows
  local function a(n) if n == 0 then return "a" end return (n % 2 == 0 and a or function(m) return a(m) end)(n - 1) end
  assert(a(100) == "a")
  -- mutual tail recursion
  local even, odd
  function even(n) if n == 0 then return true end return odd(n - 1) end
  function odd(n) if n == 0 then return false end return even(n - 1) end
  assert(even(30001) == false and odd(30001) == true)
  -- tail call through a method and a vararg function
  local obj = {}
  function obj:count(n, ...) if n == 0 then return select('#', ...) end return self:count(n - 1, ...) end
  assert(obj:count(30000, 1, 2, 3) == 3)
end)

T("tail call through __call", function()
  local c = setmetatable({}, {__call = function(self, n) if n == 0 then return "done" end return self(n - 1) end})
  assert(c(30000) == "done")
end)

T("tail call results", function()
  local function three() return 1, 2, 3 end
  local function t() return three() end
  assert(select('#', t()) == 3)
  local function t2() return (three()) end
  assert(select('#', t2()) == 1)
  local function none() end
  local function t3() return none() end
  assert(select('#', t3()) == 0)
end)

T("select", function()
  assert(select('#') == 0)
  assert(select('#', nil, nil) == 2)
  assert(select(2, 'a', 'b', 'c') == 'b')
  assert(select(-1, 'a', 'b', 'c') == 'c')
  assert(select(-3, 'a', 'b', 'c') == 'a')
  local a, b = select(2, 1, 2, 3)
  assert(a == 2 and b == 3)
  assert(select(4, 1, 2, 3) == nil)
  assert(select('#', select(4, 1, 2, 3)) == 0)
  local ok, msg = pcall(select, 0, 1)
  assert(not ok and string.find(msg, "bad argument #1 to 'select' %(index out of range%)"), msg)
  ok, msg = pcall(select, -4, 1, 2, 3)
  assert(not ok and string.find(msg, "index out of range"), msg)
  ok, msg = pcall(select, 'x')
  assert(not ok and string.find(msg, "number expected, got string"), msg)
  assert(select(2.0, 'a', 'b') == 'b')
  ok, msg = pcall(select, 1.5, 'a')
  assert(not ok and string.find(msg, "number has no integer representation"), msg)
end)

T("table.pack / unpack", function()
  local t = table.pack()
  assert(t.n == 0 and next(t, "n") == nil)
  t = table.pack(nil, nil, 3, nil)
  assert(t.n == 4 and t[3] == 3 and t[4] == nil)
  assert(select('#', table.unpack({1, 2, nil, 4}, 1, 4)) == 4)
  assert(select('#', table.unpack({}, 1, 0)) == 0)
  local a, b, c = table.unpack({1, 2, 3}, 2)
  assert(a == 2 and b == 3 and c == nil)
  local ok, msg = pcall(table.unpack, {}, 1, 1e8)
  assert(not ok and string.find(msg, "too many results to unpack"), msg)
  local x, y = table.unpack({1, 2, 3}, -1, 0)
  assert(x == nil and y == nil)
end)

T("varargs in functions", function()
  local function f(...) return select('#', ...), ... end
  local n, a, b = f(nil, false)
  assert(n == 2 and a == nil and b == false)
  local function g(a, ...) local t = {...}; return a, #t end
  local a1, n1 = g(1, 2, 3, 4)
  assert(a1 == 1 and n1 == 3)
  local function h(...) local a, b = ...; return a, b end
  local p, q = h(10)
  assert(p == 10 and q == nil)
  local function k(...) return {..., 'x'} end
  local t = k(1, 2, 3)
  assert(#t == 2 and t[1] == 1 and t[2] == 'x')
  local function m(...) return {'x', ...} end
  t = m(1, 2, 3)
  assert(#t == 4 and t[4] == 3)
  -- many varargs
  local big = {}
  for i = 1, 200 do big[i] = i end
  assert(select('#', table.unpack(big)) == 200)
  assert(select(150, table.unpack(big)) == 150)
  local function sum(...) local s = 0; for i = 1, select('#', ...) do s = s + (select(i, ...)) end return s end
  assert(sum(table.unpack(big)) == 20100)
end)

T("upvalue sharing in loops", function()
  local fs = {}
  for i = 1, 3 do fs[i] = function() return i end end
  assert(fs[1]() == 1 and fs[2]() == 2 and fs[3]() == 3)
  -- two closures created in one iteration share that iteration's variable
  local gets, sets = {}, {}
  for i = 1, 3 do
    local x = i * 10
    gets[i] = function() return x end
    sets[i] = function(v) x = v end
  end
  sets[2](99)
  assert(gets[1]() == 10 and gets[2]() == 99 and gets[3]() == 30)
  -- while loop: fresh local each iteration
  local ws = {}
  local j = 0
  while j < 3 do j = j + 1; local k = j; ws[j] = function() k = k + 1; return k end end
  assert(ws[1]() == 2 and ws[1]() == 3 and ws[2]() == 3)
  -- repeat: the until sees the body's local
  local r = {}
  local n = 0
  repeat local z = n; r[#r + 1] = function() return z end; n = n + 1 until z >= 2
  assert(#r == 3 and r[3]() == 2)
  -- generic for
  local gs = {}
  for k, v in pairs({a = 1, b = 2}) do gs[k] = function() return v end end
  assert(gs.a() == 1 and gs.b() == 2)
  -- loop control variable modified in the body does not change iterations
  local cnt = 0
  for i = 1, 3 do local _ = i; i = 10; cnt = cnt + 1 end
  assert(cnt == 3)
end)

T("debug.upvalueid / upvaluejoin", function()
  local a, b = 1, 2
  local function f() return a end
  local function g() return a, b end
  local function h() return b end
  assert(debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
  assert(debug.upvalueid(f, 1) ~= debug.upvalueid(g, 2))
  assert(debug.upvalueid(h, 1) == debug.upvalueid(g, 2))
  assert(type(debug.upvalueid(f, 1)) == "userdata")
  debug.upvaluejoin(f, 1, h, 1)
  assert(f() == 2)
  assert(debug.upvalueid(f, 1) == debug.upvalueid(h, 1))
  b = 20
  assert(f() == 20)
  a = 5
  assert(f() == 20 and g() == 5)
  -- an invalid index gives fail (nil) for upvalueid, an error for upvaluejoin
  local ok, v = pcall(debug.upvalueid, f, 2)
  assert(ok and v == nil)
  ok, v = pcall(debug.upvalueid, print, 1)
  assert(ok and v == nil)
  local msg
  ok, msg = pcall(debug.upvaluejoin, f, 3, h, 1)
  assert(msg == "bad argument #2 to 'debug.upvaluejoin' (invalid upvalue index)", msg)
  ok, msg = pcall(debug.upvaluejoin, f, 1, h, 5)
  assert(msg == "bad argument #4 to 'debug.upvaluejoin' (invalid upvalue index)", msg)
  ok, msg = pcall(debug.upvaluejoin, print, 1, h, 1)
  assert(msg == "bad argument #2 to 'debug.upvaluejoin' (invalid upvalue index)", msg)
  ok, msg = pcall(function() debug.upvaluejoin(f, 3, h, 1) end)
  assert(string.find(msg, "bad argument #2 to 'upvaluejoin' %(invalid upvalue index%)"), msg)
end)

T("load with chunkname, mode, env", function()
  local f = assert(load("return x", "=mychunk", "t", {x = 42}))
  assert(f() == 42)
  local ok, msg = pcall(load("error('boom')", "=mychunk"))
  assert(msg == "mychunk:1: boom", msg)
  ok, msg = pcall(load("error('boom')", "@file.lua"))
  assert(msg == "file.lua:1: boom", msg)
  ok, msg = pcall(load("\n\nerror('boom')", "some code"))
  assert(msg == '[string "some code"]:3: boom', msg)
  ok, msg = pcall(load("error('boom')"))
  assert(msg == '[string "error(\'boom\')"]:1: boom', msg)
  ok, msg = pcall(load("x = 1\nerror('boom')"))
  assert(msg == '[string "x = 1..."]:2: boom', msg)
  local long = string.rep("a", 100)
  ok, msg = pcall(load("error('boom') -- " .. long))
  assert(string.find(msg, '^%[string "error%(\'boom\'%) %-%- a+%.%.%."%]:1: boom$'), msg)
  -- syntax errors mention the chunk name
  local g, err = load("x = ", "=name")
  assert(g == nil and err == "name:1: unexpected symbol near <eof>", err)
  -- mode
  g, err = load("return 1", "c", "b")
  assert(g == nil and string.find(err, "attempt to load a text chunk %(mode is 'b'%)"), err)
  local bin = string.dump(function() return 7 end)
  g, err = load(bin, "bin", "t")
  assert(g == nil and string.find(err, "attempt to load a binary chunk %(mode is 't'%)"), err)
  assert(load(bin, "bin", "b")() == 7)
  assert(load(bin, "bin", "bt")() == 7)
  -- env nil explicitly: the upvalue is nil
  g = load("return x", "c", "t", nil)
  ok, msg = pcall(g)
  assert(not ok and string.find(msg, "attempt to index a nil value %(upvalue '_ENV'%)"), msg)
  -- reader function
  local parts = {"return ", "1 ", "+ ", "41"}
  local i = 0
  g = load(function() i = i + 1; return parts[i] end)
  assert(g() == 42)
  -- reader returning empty string ends the chunk
  i = 0
  g = load(function() i = i + 1; if i == 1 then return "return 5" elseif i == 2 then return "" else return "error" end end)
  assert(g() == 5)
  -- reader returning a non-string
  g, err = load(function() return {} end)
  assert(g == nil and string.find(err, "^[^\n]*reader function must return a string"), err)
  -- reader raising an error
  g, err = load(function() error("in reader") end)
  assert(g == nil and string.find(err, "in reader"), err)
  -- load of something that is neither string nor function
  ok, msg, err = pcall(load, 42)
  assert(ok and msg == nil and err == [[[string "42"]:1: unexpected symbol near '42']], err)
end)

T("string.dump and binary chunks", function()
  local function adder(a, b) return a + b end
  local d = string.dump(adder)
  assert(type(d) == "string" and d:sub(1, 4) == "\27Lua")
  local f = load(d)
  assert(f(2, 3) == 5)
  local ds = string.dump(adder, true)
  assert(#ds <= #d)
  assert(load(ds)(4, 5) == 9)
  -- upvalues of a loaded binary chunk are fresh (nil), the first is _ENV when it is a main chunk
  local up = 10
  local function useup() return up end
  local g = load(string.dump(useup))
  -- load sets the first upvalue to the environment, whatever its name
  assert(g() == _G)
  assert(debug.getupvalue(g, 1) == "up")
  debug.setupvalue(g, 1, 77)
  assert(g() == 77)
  -- stripped: no upvalue names
  local gs = load(string.dump(useup, true))
  local name, val = debug.getupvalue(gs, 1)
  assert(name == "(no name)" and val == _G, name)
  -- a main chunk gets _ENV as its first upvalue after load
  local main = load("y = 3; return y")
  local dm = string.dump(main)
  local env = {}
  local m2 = load(dm, "dumped", "b", env)
  assert(m2() == 3 and env.y == 3)
  -- errors in a stripped function have no line info
  local function bad() error("x") end
  local sb = load(string.dump(bad, true))
  local ok, msg = pcall(sb)
  assert(not ok and msg == "x", msg)
  -- dump of a C function fails
  ok, msg = pcall(string.dump, print)
  assert(not ok and string.find(msg, "unable to dump given function"), msg)
  -- truncated binary chunk
  local f2, err = load(d:sub(1, 20))
  assert(f2 == nil and err == "binary string: bad binary format (truncated chunk)", err)
  f2, err = load(d:sub(1, 20), "=named")
  assert(f2 == nil and err == "named: bad binary format (truncated chunk)", err)
  f2, err = load("\27Lux")
  assert(f2 == nil and err == "binary string: bad binary format (not a binary chunk)", err)
  -- dumped function keeps its constants and nested functions
  local function outer() local function inner(x) return x * 2 end return inner(21), "str", 1.5, 1 << 40 end
  local o = load(string.dump(outer))
  local a, b, c, e = o()
  assert(a == 42 and b == "str" and c == 1.5 and e == 1 << 40 and math.type(e) == "integer")
end)

T("_ENV tricks", function()
  do
    local _ENV = {assert = assert, x = 5}
    assert(x == 5)
    y = 10
    assert(_ENV.y == 10)
  end
  assert(y == nil)
  local function withenv()
    local _ENV <const> = {z = 3}
    return z
  end
  assert(withenv() == 3)
  -- a function whose _ENV is an upvalue
  local function make(env)
    local _ENV = env
    return function() return w end
  end
  local f1 = make({w = 1})
  local f2 = make({w = 2})
  assert(f1() == 1 and f2() == 2)
  assert(debug.getupvalue(f1, 1) == "_ENV")
  -- setting _ENV upvalue of a loaded chunk
  local chunk = load("return v")
  debug.setupvalue(chunk, 1, {v = "set"})
  assert(chunk() == "set")
  -- _ENV as a parameter
  local function p(_ENV) return a + b end
  assert(p({a = 1, b = 2}) == 3)
  -- assigning to _ENV changes global access afterwards
  local function q()
    local saved = _ENV
    _ENV = {r = 9}
    local v = r
    _ENV = saved
    return v
  end
  assert(q() == 9)
  -- global access through a nil _ENV
  local function nilenv() local _ENV = nil; return gg end
  local ok, msg = pcall(nilenv)
  assert(not ok and string.find(msg, "attempt to index a nil value %(local '_ENV'%)"), msg)
  -- _ENV with __index
  local function proxied()
    local _ENV = setmetatable({}, {__index = _G})
    newglobal = 1
    return type(newglobal), rawget(_G, "newglobal")
  end
  local t1, t2 = proxied()
  assert(t1 == "number" and t2 == nil)
  -- the _ENV name in error messages of globals
  local function g() return undefinedglobal.x end
  ok, msg = pcall(g)
  assert(string.find(msg, "global 'undefinedglobal'"), msg)
  local function g2() local _ENV = {} ; return undefinedfield.x end
  ok, msg = pcall(g2)
  assert(string.find(msg, "global 'undefinedfield'"), msg)
end)

T("closures and recursion", function()
  local function counter()
    local c = 0
    return function() c = c + 1; return c end
  end
  local c1, c2 = counter(), counter()
  assert(c1() == 1 and c1() == 2 and c2() == 1)
  -- local function can recurse
  local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
  assert(fact(20) == 2432902008176640000)
  -- local f = function cannot see itself
  local ff = function(n) return ff end
  assert(ff() == nil)
  -- closures closing over loop vars after break
  local saved
  for i = 1, 10 do
    local k = i
    saved = function() return k end
    if i == 4 then break end
  end
  assert(saved() == 4)
  -- nested upvalues through several levels
  local function l1()
    local v = 1
    return function()
      return function() v = v + 1; return v end
    end
  end
  local l3 = l1()()
  assert(l3() == 2 and l3() == 3)
end)

T("call errors", function()
  local ok, msg = pcall(function() local x; x() end)
  assert(string.find(msg, "attempt to call a nil value %(local 'x'%)"), msg)
  ok, msg = pcall(function() local t = {}; t.f() end)
  assert(string.find(msg, "attempt to call a nil value %(field 'f'%)"), msg)
  ok, msg = pcall(function() local t = {}; t:m() end)
  assert(string.find(msg, "attempt to call a nil value %(method 'm'%)"), msg)
  ok, msg = pcall(function() nofunc() end)
  assert(string.find(msg, "attempt to call a nil value %(global 'nofunc'%)"), msg)
  ok, msg = pcall(function() ("x")() end)
  assert(string.find(msg, "attempt to call a string value"), msg)
  ok, msg = pcall(function() local t = setmetatable({}, {__call = 1}); t() end)
  assert(string.find(msg, "attempt to call a number value %(local 't'%)"), msg)
end)

print(failed == 0 and "all passed" or (failed .. " failed"))
assert(failed == 0)
