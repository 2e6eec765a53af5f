for e = 10, 20 do io.write(10.0^e, " ") end print()
local v = 1
for e = 1, 20 do v = v * 10 if e >= 10 then io.write(v, " ") end end print()
for e = 1, 6 do io.write(10.0^-e, " ") end print()
print(123456789012345678)
print(1234567890123456789 * 10)
print(0.1 * 3, 1 - 0.9, 100 * 1.1)
