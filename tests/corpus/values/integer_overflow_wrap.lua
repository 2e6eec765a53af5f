local max, min = math.maxinteger, math.mininteger
print(max + 1 == min, max + 1)
print(min - 1 == max, min - 1)
print(max * 2, min * 2, max * max)
print(-min, -min == min, min // -1, min % -1)
print(math.abs(min), math.abs(max), math.abs(-5))
print(max + 1.0, min - 1.0)
print(max // 1, max / 1)
local x = 0
for i = 1, 64 do x = x * 2 + 1 end
print("64 ones", x)
print(1 << 62, (1 << 62) * 2, (1 << 62) * 4)
