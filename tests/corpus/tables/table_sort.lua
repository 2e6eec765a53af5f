local t = {5, 2, 8, 1, 9, 3}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local s = {"banana", "apple", "Cherry", "date"}
table.sort(s)
print(table.concat(s, " "))
table.sort(s, function(a, b) return a:lower() < b:lower() end)
print(table.concat(s, " "))
local recs = {{n = "b", a = 2}, {n = "a", a = 2}, {n = "c", a = 1}}
table.sort(recs, function(x, y) if x.a ~= y.a then return x.a < y.a end return x.n < y.n end)
for _, r in ipairs(recs) do io.write(r.n, r.a, " ") end print()
local one = {1}; table.sort(one); print(one[1])
local empty = {}; table.sort(empty); print(#empty)
local big = {}
for i = 1, 200 do big[i] = (i * 7919) % 211 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print("sorted 200", ok, big[1], big[200])
