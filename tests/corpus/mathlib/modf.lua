-- math.modf: integral part (an integer when it fits) and float fractional part
for _, v in ipairs{3, -3, 3.5, -3.5, 0.0, -0.0, 5.0, 1/0, -1/0, 2^53 + 0.0, 2^63, -2^63, 1e100, 0.25, -7.25, "2.5", "4", math.maxinteger, math.mininteger} do
  local i, f = math.modf(v)
  print(v, i, math.type(i), f, math.type(f))
end
local i, f = math.modf(0/0)
print(i ~= i, f ~= f)
print(pcall(math.modf))
print(pcall(math.modf, "x"))
