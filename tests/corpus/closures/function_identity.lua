local function mk() return function() end end
local a, b = mk(), mk()
print(a == a, type(a) == type(b))
local same = {}
for i = 1, 2 do same[i] = print end
print(same[1] == same[2])
local f = function() return 1 end
local g = f
print(f == g)
