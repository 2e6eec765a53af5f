-- inconsistent comparators raise "invalid order function for sorting" (or not) as the reference does
for n = 1, 14 do
  local t = {}
  for i = 1, n do t[i] = i end
  local ok, err = pcall(table.sort, t, function() return true end)
  print(n, ok, err, table.concat(t, " "))
end
for n = 4, 10 do
  local t = {}
  for i = 1, n do t[i] = n - i end
  local ok, err = pcall(table.sort, t, function(a, b) return a <= b end)
  print(n, ok, err, table.concat(t, " "))
end
local t = {}
for i = 1, 50 do t[i] = i % 7 end
print(pcall(table.sort, t, function(a, b) return a <= b end))
print(table.concat(t, " "))
local t2 = {3, 1, 2, 5, 4}
print(pcall(table.sort, t2, function() return false end), table.concat(t2, " "))
local err = select(2, pcall(function() table.sort({1, 2, 3, 4, 5}, function() return true end) end))
print(err)
