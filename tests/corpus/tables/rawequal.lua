local a, b = {}, {}
local mt = {__eq = function() return true end}
setmetatable(a, mt) setmetatable(b, mt)
print(a == b, rawequal(a, b), rawequal(a, a))
print(rawequal(1, 1.0), rawequal("a", "a"), rawequal(nil, false))
print(rawequal(0/0, 0/0), rawequal(print, print))
print(pcall(rawequal, 1))
print(pcall(rawequal))
