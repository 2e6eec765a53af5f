-- More values than targets with a call last: the call still runs, its values are dropped
-- (found by the random program generator: an internal error in the interpreted tier).
local calls = 0
local function f(...) calls = calls + 1 return "f1", "f2", ... end
local t = {}
t.a, t.b = 1, 2, 3, f()
print(t.a, t.b, calls)
local x, y
x, y = 10, 20, 30, 40, f(5)
print(x, y, calls)
t[1], t.c = "one", f()
print(t[1], t.c, calls)
x = 1, 2, f(), f()
print(x, calls)
local g
g, t.d = nil, nil, (f()), f()
print(g, t.d, calls)
for i = 1, 3 do t.a, t.b = i, i * 2, i * 3, f(i) end
print(t.a, t.b, calls)
