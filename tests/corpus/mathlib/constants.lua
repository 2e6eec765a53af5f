-- math constants and integer limits
print(math.pi, math.huge, -math.huge, math.maxinteger, math.mininteger)
print(math.type(math.pi), math.type(math.huge), math.type(math.maxinteger))
print(math.maxinteger + 1 == math.mininteger, math.mininteger - 1 == math.maxinteger)
print(math.maxinteger + 0.0, math.mininteger + 0.0, math.maxinteger // 1, math.mininteger // -1)
print(string.format("%.17g", math.pi), math.pi == 4 * math.atan(1))
print(math.huge > math.maxinteger, -math.huge < math.mininteger, math.huge == 1/0)
print(math.abs(math.mininteger) == math.mininteger, -math.mininteger == math.mininteger)
