local t = {}
table.insert(t, "a") table.insert(t, "c") table.insert(t, 2, "b")
print(table.concat(t, ","), #t)
print(table.remove(t, 1), table.concat(t, ","))
print(table.unpack({1, 2, 3}))
local p = table.pack(1, nil, 3)
print(p.n, p[3])
local nums = {5, 3, 8, 1}
table.sort(nums)
print(table.concat(nums, " "))
table.sort(nums, function(a, b) return a > b end)
print(table.concat(nums, " "))
print(table.concat(table.move({1, 2, 3}, 1, 3, 2), ","))
