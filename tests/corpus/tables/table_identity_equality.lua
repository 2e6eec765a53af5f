local a = {}
local b = a
local c = {}
print(a == b, a == c, a ~= c)
b.x = 1
print(a.x)
local function id(t) return t end
print(id(a) == a)
print({} == {}, #{} == #{})
