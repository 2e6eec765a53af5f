-- table.sort with comparators: the order of elements that compare equal is the reference's
local words = {}
for w in ("pear apple plum avocado banana blueberry cherry cranberry peach apricot kiwi lime lemon mango melon papaya grape guava fig date"):gmatch("%S+") do words[#words + 1] = w end
table.sort(words, function(a, b) return a:sub(1, 1) < b:sub(1, 1) end)
print(table.concat(words, " "))
local recs = {}
for i = 1, 40 do recs[i] = {k = (i * 7) % 5, id = i} end
table.sort(recs, function(a, b) return a.k < b.k end)
local out = {}
for i, r in ipairs(recs) do out[i] = r.k .. ":" .. r.id end
print(table.concat(out, " "))
local calls = 0
local t = {5, 3, 8, 1, 9, 2, 7}
table.sort(t, function(a, b) calls = calls + 1 return a < b end)
print(table.concat(t, " "), calls)
-- comparator results are truthiness
t = {3, 1, 2}
table.sort(t, function(a, b) if a < b then return 1 else return nil end end)
print(table.concat(t, " "))
-- sorting by several keys
local people = {{"ann", 30}, {"bob", 25}, {"cat", 30}, {"dan", 25}, {"eve", 35}}
table.sort(people, function(a, b) if a[2] ~= b[2] then return a[2] > b[2] end return a[1] < b[1] end)
for _, p in ipairs(people) do io.write(p[1], p[2], " ") end print()
