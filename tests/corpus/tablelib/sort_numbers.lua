-- table.sort on numbers: integers, floats, mixed, extremes
local function show(t) local p = {} for i = 1, #t do p[i] = tostring(t[i]) end return table.concat(p, " ") end
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t) print(show(t))
t = {2.5, 1, -3, 1.0, 2^63, -2^63, math.mininteger, math.maxinteger, -0.0, 0, 1/0, -1/0, 0.1, 1e-300}
table.sort(t) print(show(t))
t = {3, 1, 2}
table.sort(t, function(a, b) return a > b end) print(show(t))
t = {}
table.sort(t) print(#t)
t = {42}
table.sort(t) print(show(t))
t = {2, 1}
table.sort(t) print(show(t))
t = {1, 1, 1, 1, 1, 0, 1, 1}
table.sort(t) print(show(t))
t = {}
for i = 1, 30 do t[i] = (i * 37) % 31 - 15 end
table.sort(t) print(show(t))
for i = 1, 30 do t[i] = ((i * 37) % 31 - 15) / 4 end
table.sort(t) print(show(t))
t = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}
table.sort(t) print(show(t))
t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
table.sort(t, function(a, b) return a > b end) print(show(t))
