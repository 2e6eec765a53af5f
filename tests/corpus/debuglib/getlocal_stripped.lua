-- a stripped function's locals have no names: debug.getlocal lists them as
-- "(temporary)"; its parameters have no names for getlocal(f, n)
local g = load(string.dump(load("local a = 12; return debug.getlocal(1, 1)"), true))
print("getlocal:", g())
local h = load(string.dump(function(x, y) local z = x + y; return debug.getlocal(1, 3) end, true))
print(h(1, 2))
print(debug.getlocal(h, 1))
local k = load(string.dump(function(x, y) return x end, false))
print(debug.getlocal(k, 1), debug.getlocal(k, 2), debug.getlocal(k, 3))
