-- math.max / math.min keep the winning argument as it is
print(math.max(1), math.min(1))
print(math.max(1, 2), math.max(2, 1), math.min(1, 2), math.min(2, 1))
print(math.max(1, 2.0), math.max(2.0, 1), math.max(2, 2.0), math.max(2.0, 2))
print(math.min(1, 1.0), math.min(1.0, 1), math.min(3, 1.0, 1, 2))
print(math.max(1, 5, 3, 5.0, 2), math.type(math.max(1, 5, 3, 5.0, 2)))
print(math.max(0.0, -0.0), math.max(-0.0, 0.0), math.min(0.0, -0.0), math.min(-0.0, 0.0))
print(math.max(0/0, 1) ~= math.max(0/0, 1), math.max(1, 0/0))
print(math.max(math.maxinteger, 2^63), math.min(math.mininteger, -2^63), math.max(math.maxinteger, math.maxinteger + 0.0))
print(math.max(-1/0, 1/0, 0), math.min(-1/0, 1/0, 0))
print(math.max("10"), math.type(math.max("10")), type(math.max("10")))
print(math.max("10", "9"), math.min("10", "9"))
print(math.max("a", "b", "c"), math.min("a", "b", "c"))
local t = {}
print(math.max(t) == t, math.min(nil))
local big = {}
for i = 1, 300 do big[i] = (i * 7919) % 1000 end
print(math.max(table.unpack(big)), math.min(table.unpack(big)))
