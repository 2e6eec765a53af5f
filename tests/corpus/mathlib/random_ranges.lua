-- math.random(m, n) over many kinds of ranges
math.randomseed(2024)
local ranges = {{1, 1}, {0, 1}, {1, 2}, {1, 3}, {1, 6}, {1, 7}, {1, 8}, {-10, 10}, {0, 255}, {0, 256}, {1, 1000000007},
  {math.mininteger, math.maxinteger}, {0, math.maxinteger}, {math.mininteger, -1}, {math.mininteger, 0},
  {math.maxinteger - 1, math.maxinteger}, {1, 2^40 + 1}, {-2^62, 2^62}}
for _, r in ipairs(ranges) do
  local out = {}
  for i = 1, 6 do out[i] = math.random(r[1], r[2]) end
  print(r[1], r[2], table.concat(out, " "))
end
for _, m in ipairs{1, 2, 3, 10, 100, 3.0, "6"} do
  local out = {}
  for i = 1, 6 do out[i] = math.random(m) end
  print(m, table.concat(out, " "))
end
print(math.type(math.random(5)), math.type(math.random()), math.type(math.random(0)))
