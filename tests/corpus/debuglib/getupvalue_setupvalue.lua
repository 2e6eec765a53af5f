-- upvalues by index: names, values, _ENV, and Java/C functions having none
local a, b = 1, "two"
local function f() return a, b end
local function g() return print end
for i = 0, 3 do print(i, debug.getupvalue(f, i)) end
print((debug.getupvalue(g, 1)))
print(select(2, debug.getupvalue(g, 1)) == _ENV)
print(debug.setupvalue(f, 1, 100), debug.setupvalue(f, 2, "changed"))
print(f())
print(a, b)
print(select("#", debug.setupvalue(f, 3, 0)), select("#", debug.getupvalue(f, 3)))
print(select("#", debug.getupvalue(print, 1)))
print(pcall(debug.getupvalue, {}, 1))
print(pcall(debug.getupvalue, f))
print(pcall(debug.getupvalue))
print(pcall(debug.setupvalue, f, 1))
local main = debug.getinfo(1, "f").func
print((debug.getupvalue(main, 1)))
