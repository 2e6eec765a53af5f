-- seeded distribution counts (deterministic with the seed)
math.randomseed(99)
local counts = {0, 0, 0, 0, 0, 0}
for i = 1, 60000 do local k = math.random(6) counts[k] = counts[k] + 1 end
print(table.concat(counts, " "))
local sum = 0
for i = 1, 10000 do sum = sum + math.random() end
print(string.format("%.10f", sum))
local bits = 0
for i = 1, 1000 do bits = bits ~ math.random(0) end
print(string.format("%x", bits))
local shuffled = {}
for i = 1, 20 do shuffled[i] = i end
for i = 20, 2, -1 do local j = math.random(i) shuffled[i], shuffled[j] = shuffled[j], shuffled[i] end
print(table.concat(shuffled, " "))
