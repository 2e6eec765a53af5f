-- a loaded binary chunk gets fresh upvalues: the first is the environment, the others nil
local a, b = 10, 20
local function f() return a, b end
local g = load(string.dump(f))
print(select(2, pcall(g)) == _G, select(3, pcall(g)))           -- a is the first upvalue: it is set to _G; b is nil
print(g() == _G, select(2, g()))
print(debug.getupvalue(g, 1), debug.getupvalue(g, 2))
debug.setupvalue(g, 1, "one")
debug.setupvalue(g, 2, "two")
print(g())
-- a function whose first upvalue is _ENV behaves as a loaded chunk
local function h(x) return print ~= nil, x, a end
local h2 = load(string.dump(h))
print(debug.getupvalue(h2, 1) , select(2, debug.getupvalue(h2, 1)) == _G)
print(h2(5))
-- with an explicit environment as load's fourth argument
local env = {print = "fake"}
local h3 = load(string.dump(h), "h", "b", env)
print(h3(6))
print(debug.getupvalue(h3, 1) , select(2, debug.getupvalue(h3, 1)) == env)
-- a function without upvalues
local function pure(x) return x * 2 end
local p = load(string.dump(pure), "p", "b", {})
print(p(21), debug.getupvalue(p, 1))
-- upvalues are not shared with the original
local counter = 0
local function inc() counter = counter + 1 return counter end
local inc2 = load(string.dump(inc))
debug.setupvalue(inc2, 1, 100)
print(inc(), inc2(), inc(), inc2(), counter)
-- upvaluejoin works on loaded functions
debug.upvaluejoin(inc2, 1, inc, 1)
print(inc2(), inc(), counter)
-- nested closures inside the loaded function capture its locals correctly
local function maker()
  local n = 0
  return function() n = n + 1 return n end, function() return n end
end
local m2 = load(string.dump(maker))
local incr, get = m2()
incr() incr()
print(get())
-- _ENV as a declared local and as a parameter
local function withenv(_ENV) return x, y end
local we = load(string.dump(withenv))
print(we({x = 1, y = 2}))
