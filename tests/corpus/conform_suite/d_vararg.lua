-- conform_suite (part D): varargs, select, table.pack/unpack, adjustment, self-checking.
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

local main_n = select('#', ...)
local main_args = {...}
T("main chunk varargs", function()
  is(main_n, #arg)
  is(main_args[1], arg[1])
  assert(arg[0]:find("d_vararg.lua$"), arg[0])
  is(type(arg[-1]), "string")
  is(arg[-2], nil)
end)

T("select", function()
  is(select('#'), 0); is(select('#', nil), 1); is(select('#', nil, nil), 2)
  is(select(2, 'a', 'b', 'c'), 'b'); is(select(-1, 'a', 'b', 'c'), 'c'); is(select(-3, 'a', 'b', 'c'), 'a')
  is(select('#', select(4, 'a', 'b', 'c')), 0)
  is(select('#', select(3, 'a', 'b', 'c')), 1)
  local m = E(select, 0, 'a'); is(m, "bad argument #1 to 'select' (index out of range)")
  m = E(select, -4, 'a', 'b', 'c'); is(m, "bad argument #1 to 'select' (index out of range)")
  m = E(select, 'x'); is(m, "bad argument #1 to 'select' (number expected, got string)")
  m = E(select); is(m, "bad argument #1 to 'select' (number expected, got no value)")
  is(select('2', 'a', 'b'), 'b'); is(select(2.0, 'a', 'b'), 'b')
  m = E(select, 1.5, 'a'); is(m, "bad argument #1 to 'select' (number has no integer representation)")
  is(select(math.maxinteger, 1), nil)
  m = E(select, math.mininteger, 1); is(m, "bad argument #1 to 'select' (index out of range)")
end)

T("adjusting", function()
  local function f(...) return ... end
  local function n(...) return select('#', ...) end
  is(n(f()), 0); is(n(f(nil)), 1); is(n(f(1, nil, nil)), 3)
  is(n((f(1, 2, 3))), 1); is(n((f())), 1)
  is(n(f(1, 2), f(3, 4)), 3); is(n(f(), f()), 1); is(n(f(1, 2), 5), 2)
  local t = {f(1, 2, 3)}; is(#t, 3)
  t = {f(1, 2, 3), f(4)}; is(#t, 2)
  t = {f(1, 2, 3), nil}; is(select('#', table.unpack(t, 1, 2)), 2)
  local a, b, c = f(1)
  assert(a == 1 and b == nil and c == nil)
  local function g(...) local x, y = ...; return x, y end
  a, b = g(1, 2, 3); assert(a == 1 and b == 2)
  local function h(a, b, ...) return a, b, select('#', ...) end
  a, b, c = h(1); assert(a == 1 and b == nil and c == 0)
  a, b, c = h(1, 2, 3, 4, 5); assert(a == 1 and b == 2 and c == 3)
  local function k(...) return ..., "last" end    -- ... truncated to one value when not last
  a, b, c = k(1, 2, 3); assert(a == 1 and b == "last" and c == nil)
  a, b = k(); assert(a == nil and b == "last")
  local function v(...) local t = {..., n = select('#', ...)}; return t end
  t = v(1, nil, 3); is(t.n, 3); is(t[1], 1); is(t[3], nil)   -- ... is not last: one value
  local function s(...) return #{...} end
  is(s(1, 2, 3), 3)
  -- ... in a nested function is a syntax error
  local _, e = load("function f() return function() return ... end end", "=v")
  is(e, "v:1: cannot use '...' outside a vararg function near '...'")
  is(load("return ...")(1, 2), 1)
  is(select('#', load("return ...")(1, nil, nil)), 3)
end)

T("table.pack and unpack", function()
  local t = table.pack()
  is(t.n, 0); is(#t, 0)
  t = table.pack(nil, nil)
  is(t.n, 2)
  t = table.pack(1, nil, 3)
  is(t.n, 3); is(t[3], 3)
  is(select('#', table.unpack({1, 2, 3})), 3)
  is(select('#', table.unpack({1, 2, nil, 4}, 1, 4)), 4)
  is(select('#', table.unpack({}, 1, 0)), 0)
  is(select('#', table.unpack({}, 5, 3)), 0)
  is(select('#', table.unpack({}, 1, 3)), 3)
  local a, b = table.unpack({1, 2, 3}, 2); assert(a == 2 and b == 3)
  a, b = table.unpack({1, 2, 3}, -1, 0); assert(a == nil and b == nil)
  is(select('#', table.unpack({}, math.maxinteger, math.maxinteger)), 1)
  is(select('#', table.unpack({}, math.mininteger, math.mininteger)), 1)
  is(select('#', table.unpack({}, math.maxinteger, math.mininteger)), 0)
  local m = E(table.unpack, {}, 1, 1e7); is(m, "too many results to unpack")
  m = E(table.unpack, {}, math.mininteger, math.maxinteger); is(m, "too many results to unpack")
  m = E(table.unpack, {}, 0, math.maxinteger); is(m, "too many results to unpack")
  m = E(table.unpack, {}, 1, "x"); is(m, "bad argument #3 to 'table.unpack' (number expected, got string)")
  m = E(table.unpack, {}, 1.5); is(m, "bad argument #2 to 'table.unpack' (number has no integer representation)")
  m = E(table.unpack); is(m, "attempt to get length of a nil value")   -- no type check: # on the argument
  -- unpack honours __index and __len
  local p = setmetatable({}, {__index = function(_, k) return k * 10 end, __len = function() return 3 end})
  a, b, c = table.unpack(p); assert(a == 10 and b == 20 and c == 30)
  is(select('#', table.unpack(p)), 3)
  local s = "abc"
  is(select('#', table.unpack(s)), 3)   -- #s is 3, s[i] is string.i (nil)
  m = E(table.unpack, 5); is(m, "attempt to get length of a number value")
end)

T("many values", function()
  local N = 250
  local t = {}
  for i = 1, N do t[i] = i end
  local function count(...) return select('#', ...) end
  is(count(table.unpack(t)), N)
  local function sum(...) local s = 0; for i = 1, select('#', ...) do s = s + (select(i, ...)) end return s end
  is(sum(table.unpack(t)), N * (N + 1) // 2)
  local big = {}
  for i = 1, 10000 do big[i] = i end
  is(count(table.unpack(big)), 10000)
  local p = table.pack(table.unpack(big))
  is(p.n, 10000); is(p[10000], 10000)
  local function pass(...) return ... end
  is(count(pass(pass(table.unpack(big)))), 10000)
  is(select(-1, table.unpack(big)), 10000)
  is(count(pcall(pass, table.unpack(big))), 10001)
  local co = coroutine.wrap(function(...) local r = table.pack(coroutine.yield(...)); return r.n end)
  is(count(co(table.unpack(big))), 10000)
  is(co(table.unpack(big, 1, 300)), 300)
  local s = string.char(table.unpack(big, 1, 200 // 2))
  is(#s, 100)
  is(math.max(table.unpack(big)), 10000)
  local src = "return " .. string.rep("1, ", 200) .. "1"
  is(count(load(src)()), 201)
  print(select(2, load("return " .. string.rep("1, ", 300) .. "1", "=m")))
  src = "local t = {" .. string.rep("1, ", 5000) .. "} return #t"
  is(load(src)(), 5000)
  src = "return select('#', " .. string.rep("nil, ", 240) .. "nil)"
  is(load(src)(), 241)
  local e = select(2, load("return f(" .. string.rep("1, ", 260) .. "1)", "=m"))
  print(e)
  e = select(2, load("local " .. string.rep("a, ", 199) .. "a = 1", "=m"))
  print(e)
  e = select(2, load("local " .. string.rep("a, ", 200) .. "a = 1", "=m"))
  print(e)
end)

T("varargs through pcall, xpcall, coroutines", function()
  local function f(...) return select('#', ...), ... end
  local r = table.pack(pcall(f, nil, nil))
  is(r.n, 4); is(r[2], 2)
  r = table.pack(xpcall(f, print, 1, nil))
  is(r.n, 4)
  local co = coroutine.create(function(...)
    local a = table.pack(...)
    local b = table.pack(coroutine.yield(a.n, ...))
    return b.n, ...
  end)
  r = table.pack(coroutine.resume(co, 1, nil, nil))
  is(r.n, 5); is(r[2], 3)
  r = table.pack(coroutine.resume(co, nil, nil))
  is(r.n, 5); is(r[2], 2)
  r = table.pack(coroutine.resume(co))
  is(r.n, 2); is(r[2], "cannot resume dead coroutine")
  co = coroutine.wrap(function(...) return ... end)
  is(select('#', co()), 0)
  r = table.pack(pcall(error))
  is(r.n, 2); is(r[2], nil)
  r = table.pack(pcall(error, nil))
  is(r.n, 2)
  r = table.pack(select(2, pcall(pcall, error, "x")))
  is(r.n, 2); is(r[1], false); is(r[2], "x")
end)

T("vararg and tail calls", function()
  local function depth(n, ...) if n == 0 then return select('#', ...) end return depth(n - 1, n, ...) end
  is(depth(100), 100)
  local function tail(...) return select('#', ...) end
  local function caller(...) return tail(...) end
  is(caller(nil, nil, nil), 3)
  local function rec(n, ...) if n == 0 then return ... end return rec(n - 1, ...) end
  is(select('#', rec(100000, 1, 2, 3)), 3)
end)

T("string.format and print with many args", function()
  is(string.format(string.rep("%d", 30), table.unpack((function() local t = {} for i = 1, 30 do t[i] = i % 10 end return t end)())),
     "123456789012345678901234567890")
  local m = E(string.format, "%d %d", 1); is(m, "bad argument #3 to 'string.format' (no value)")
  m = E(function() return string.format("%d %d", 1) end); assert(m:find(": bad argument #3 to 'format' %(no value%)$"), m)
  m = E(function() return table.unpack({}, 1, "x") end); assert(m:find(": bad argument #3 to 'unpack' %(number expected, got string%)$"), m)
  is(select('#', string.byte(string.rep("x", 1000), 1, -1)), 1000)
  is(select('#', ("x"):byte(2, 1)), 0)
  is(select('#', string.byte("")), 0)
end)

if failed > 0 then error(failed .. " failed") end
print("done")
