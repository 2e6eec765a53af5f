-- table.move: overlapping moves within a table and into another
local function show(t, a, b) local p = {} for i = a, b do p[#p + 1] = tostring(t[i]) end return table.concat(p, ",") end
local t = {1, 2, 3, 4, 5}
print(table.move(t, 1, 3, 2) == t, show(t, 1, 6))
t = {1, 2, 3, 4, 5}
table.move(t, 2, 5, 1) print(show(t, 1, 5))
t = {1, 2, 3, 4, 5}
table.move(t, 1, 5, 3) print(show(t, 1, 7))
t = {1, 2, 3}
local u = table.move(t, 1, 3, 1, {}) print(show(u, 1, 3), u ~= t)
u = table.move({1, 2, 3}, 1, 3, 3, {"x", "y"}) print(show(u, 1, 5))
u = table.move({1, 2, 3}, 3, 1, 1, {"keep"}) print(show(u, 1, 3))
u = table.move({1, 2, 3}, 1, 0, 1, {}) print(#u)
t = {[0] = 0, 1, 2}
table.move(t, 0, 2, -5) print(show(t, -5, 2))
t = {1, 2, 3}
table.move(t, 1, 3, 1, nil) print(show(t, 1, 3))
u = table.move({"a", "b"}, "1", "2", "3") print(show(u, 1, 4))
u = table.move({1, 2, 3}, 1, 3, math.maxinteger - 2) print(u[math.maxinteger], u[math.maxinteger - 2])
local big = {} for i = 1, 100 do big[i] = i end
table.move(big, 1, 100, 51) print(big[50], big[51], big[100], big[150])
