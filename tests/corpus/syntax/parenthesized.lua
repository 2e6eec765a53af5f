local function f() return 1, 2, 3 end
print((f()))
local t = {(f())}
print(#t)
print(("abc"):upper())
print((("x")))
local s = {}
s.m = function() return "m" end;
(s.m)()
print((s.m)())
local a = 1
local b = (a)
print(b)
print(((1 + 2) * (3 + 4)))
