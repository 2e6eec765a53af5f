local a = 9223372036854775807
local b = 9223372036854775808
local c = -9223372036854775808
local d = 18446744073709551616
print(a, math.type(a))
print(b, math.type(b))
print(c, math.type(c))
print(d, math.type(d))
print(99999999999999999999, math.type(99999999999999999999))
print(-9223372036854775807 - 1, math.type(-9223372036854775807 - 1))
print(math.mininteger == -9223372036854775807 - 1)
