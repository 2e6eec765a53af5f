local t = {}
for i = 1, 200 do t[i] = i end
print(select('#', table.unpack(t)))
print(select(200, table.unpack(t)))
local function count(...) return select('#', ...) end
print(count(table.unpack(t, 1, 250)))
print(math.max(table.unpack(t)))
