local t = {}
for i = 1, 1000 do t[i] = i * i end
print(#t, t[1], t[500], t[1000])
local sum = 0
for i = 1, #t do sum = sum + t[i] end
print("sum of squares", sum)
local r = {}
for i = 10, 1, -1 do r[i] = i end
print(#r, table.concat(r, ","))
local evens = {}
for i = 2, 20, 2 do evens[i // 2] = i end
print(#evens, evens[#evens])
local sparse = {}
for i = 1, 100 do sparse[i * 1000] = true end
local cnt = 0
for _ in pairs(sparse) do cnt = cnt + 1 end
print("sparse count", cnt, sparse[50000], sparse[50001])
