local t = {a = {b = {c = "deep"}}}
print(t.a.b.c)
print("x" .. "y" .. "z")
local function f(...) local a, b = ... return a, b end
print(f(1, 2, 3))
print(load("return 1 ...."))
print(load("local t = {} return t....a"))
print(1.5, .5 .. "", 3 .. .5)
