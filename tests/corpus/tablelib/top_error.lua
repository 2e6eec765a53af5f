-- an uncaught error from the table library at top level
local t = {1, 2, 3}
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, ","))
print(table.concat({1, {}, 3}))
