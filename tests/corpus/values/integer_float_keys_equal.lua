print(1 == 1.0, math.type(1) ~= math.type(1.0))
local t = {}
t[1] = "int"
print(t[1.0])
t[2.0] = "float key"
print(t[2], math.type(next({[3.0] = true})))
t[2^53] = "big"
print(t[1 << 53])
print(#t)
