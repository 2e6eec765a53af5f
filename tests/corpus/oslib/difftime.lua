-- os.difftime
print(os.difftime(5, 3), os.difftime(3, 5), os.difftime(5.0, 3), os.difftime("10", "4"), os.difftime(0, 1))
print(os.difftime(math.maxinteger, math.mininteger), os.difftime(2^53, -2^53))
print(math.type(os.difftime(1, 1)))
print(pcall(os.difftime, 5))
print(pcall(os.difftime))
print(pcall(os.difftime, 5.5, 1))
print(pcall(os.difftime, {}, 1))
print(pcall(os.difftime, 1, nil))
local t1 = os.time{year = 2024, month = 3, day = 1}
local t0 = os.time{year = 2024, month = 2, day = 1}
print(os.difftime(t1, t0) / 86400)
