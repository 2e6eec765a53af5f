local p = 2^63
print(p, math.type(p), math.tointeger(p))
print(p == math.maxinteger + 1.0, math.maxinteger + 0.0 == p)
print(math.maxinteger < p, math.maxinteger <= p, math.maxinteger == p)
print(math.mininteger == -p, math.mininteger < -p, math.mininteger + 0.0 == -p)
print(math.tointeger(-p), math.tointeger(-p) == math.mininteger)
print(pcall(function() return p | 0 end))
print(pcall(function() return -p | 0 end))
print(string.format("%.0f", p), string.format("%.0f", -p))
