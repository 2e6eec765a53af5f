print(1 == 1.0, "1" == 1, 0.1 + 0.2 == 0.3, -0.0 == 0.0)
print("a" < "b", "a" < "B", "abc" < "abd", "" < "a", "a\0b" < "a\0c")
print("Z" < "a", "10" < "9", 2 < 10)
print(1 < 1.5, 1.5 <= 1, math.maxinteger < math.huge, math.mininteger > -math.huge)
print(math.maxinteger + 0.0 == math.maxinteger, math.maxinteger + 0.0 == 2^63)
print(2^53 == 2^53 + 1, math.tointeger(2^53) == 2^53)
local t1, t2 = {}, {}
print(t1 == t1, t1 == t2, t1 ~= t2)
print(nil == false, print == print)
