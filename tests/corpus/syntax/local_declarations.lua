local a
local b, c = 1
local d, e = 1, 2, 3
print(a, b, c, d, e)
local x = 1
local x = x + 1
print("redeclared", x)
do local x = 100 print("inner", x) end
print("outer", x)
local function f() return 1, 2, 3 end
local p, q, r, s = f()
print(p, q, r, s)
local u, v = f(), 10
print(u, v)
