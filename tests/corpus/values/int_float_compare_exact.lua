local big = 2^53
print(math.tointeger(big) + 1 == big, math.tointeger(big) + 1 > big)
print((1 << 53) + 1 < big + 2, (1 << 53) + 1 > big)
print(math.maxinteger < math.huge, math.maxinteger > 2^62)
print(math.maxinteger - 1 < 2^63, math.maxinteger == 2^63 - 1)
print(1 == 1.0, 1 < 1.0000001, -1 > -1.0000001)
print(3 <= 3.0, 3 >= 3.0, 2 < 2.5, 3 > 2.5)
print(math.mininteger <= -2^63, math.mininteger >= -2^63)
local nan = 0/0
print(1 < nan, 1 > nan, 1 == nan, math.maxinteger < nan)
