local a, b, c = 1, 2
print(a, b, c)
a, b = b, a
print("swap", a, b)
local i = 3
local t = {}
i, t[i] = i + 1, 20
print("i", i, "t[3]", t[3], "t[4]", t[4])
local x, y, z = (function() return 1, 2, 3 end)()
print(x, y, z)
x, y, z = (function() return 1, 2, 3 end)(), 10
print(x, y, z)
x, y = 1, 2, 3, 4
print(x, y)
local u = {}
u.a, u.b, u.c = "A", "B"
print(u.a, u.b, u.c)
local p, q = 1
print(p, q)
