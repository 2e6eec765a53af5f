-- which operand order appears in a comparison error depends on the sort
-- algorithm, so only check that a compare error happens
local ok, e = pcall(table.sort, {3, "a", 1})
print(ok, (e:gsub("compare %a+ with %a+", "compare X with Y")))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {true, false}))
print(pcall(table.sort, nil))
print(pcall(table.sort, {1, 2}, 42))
print(pcall(table.sort, {2, 1}, function(a, b) error("in comparator") end))
print(pcall(table.sort, {2, 1}, function(a, b) return a.x < b end))
