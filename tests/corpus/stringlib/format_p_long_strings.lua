-- %p: equal short strings are one object, equal long strings made apart are two (conformance S1)
local a = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
local b = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
print(string.format("%p", a) == string.format("%p", b))
local t = {a}
print(string.format("%p", t[1]) == string.format("%p", a))
local c = a .. ""
print(string.format("%p", c) == string.format("%p", a))
local d = ("x"):rep(72)
print(string.format("%p", d) == string.format("%p", a), #a)
print(string.format("%p", string.rep("a", 40)) == string.format("%p", string.rep("a", 40)))
print(string.format("%p", string.rep("a", 41)) == string.format("%p", string.rep("a", 41)))
print(string.format("%p", tostring(a)) == string.format("%p", a))
