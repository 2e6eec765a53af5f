-- math.floor / math.ceil: integer results when representable
for _, v in ipairs{3.7, -3.7, 3, -3, 0.5, -0.5, -0.0, 2^53, 2^63, -2^63, 2^70, -2^70, 1e308, 1/0, -1/0, math.maxinteger, math.mininteger, "3.7", "10", "0x10"} do
  local f, c = math.floor(v), math.ceil(v)
  print(v, f, math.type(f), c, math.type(c))
end
print(math.floor(0/0) ~= math.floor(0/0), math.ceil(0/0) ~= math.ceil(0/0))
print(pcall(math.floor, "x"))
print(pcall(math.ceil, {}))
print(pcall(math.floor))
