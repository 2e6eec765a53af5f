local pairs_ = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {0, 5}, {0, -5}, {6, 3}, {-6, 3}, {1, 1}}
for _, p in ipairs(pairs_) do
  local a, b = p[1], p[2]
  print(a, b, "//", a // b, "%", a % b)
end
print(math.mininteger // -1, math.mininteger % -1)
print(math.mininteger // 1, math.maxinteger % 2, math.mininteger % 2)
print(math.maxinteger // -1, 5 // math.mininteger, -5 // math.mininteger)
