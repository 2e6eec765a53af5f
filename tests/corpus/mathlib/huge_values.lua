-- conversions at the edges of the integer range
print(math.floor(2^63), math.ceil(-2^63), math.floor(-2^63), math.ceil(2^63 - 1024))
print(math.floor(9007199254740993), math.floor(-9.2233720368547758e18))
print(math.tointeger(2^63 - 1024), math.tointeger(-2^63), math.tointeger(2^63))
print(math.fmod(math.maxinteger, 2), math.fmod(math.mininteger, 2), math.fmod(math.mininteger, math.maxinteger))
print(math.abs(math.mininteger + 1), math.abs(-2^63))
print(math.max(math.maxinteger, 2^63) == 2^63, math.min(math.mininteger, -2^63))
print(string.format("%.0f", 2^63), 2^63 == math.maxinteger + 1.0, math.maxinteger + 0.0 == 2^63)
print(math.ult(math.maxinteger, math.mininteger), math.ult(-1, 0))
