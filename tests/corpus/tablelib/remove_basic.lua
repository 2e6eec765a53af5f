-- table.remove: positions, the #t+1 and empty-table rules
local function show(t) local p = {} for i = 1, #t do p[i] = tostring(t[i]) end return "{" .. table.concat(p, ",") .. "}" end
local t = {1, 2, 3, 4, 5}
print(table.remove(t), show(t))
print(table.remove(t, 1), show(t))
print(table.remove(t, 2), show(t))
print(table.remove(t, #t + 1), show(t))
print(table.remove(t, "1"), show(t))
print(table.remove(t, 1.0), show(t))
print(table.remove(t), show(t))
print(table.remove(t), show(t))
print(table.remove({}), table.remove({}, 0), table.remove({}, 1))
local z = {[0] = "zero"}
print(table.remove(z), z[0])
local z2 = {[0] = "zero"}
print(table.remove(z2, 0), z2[0])
local n = {n = 3}
print(table.remove(n), n.n)
print(select("#", table.remove({})))
local q = {"a", "b", "c"}
while #q > 0 do io.write(table.remove(q, 1), " ") end
print()
local s = {}
for i = 1, 100 do s[i] = i end
local sum = 0
while #s > 0 do sum = sum + table.remove(s) end
print(sum)
