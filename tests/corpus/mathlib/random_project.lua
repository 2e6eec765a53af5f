-- random(m, n) draws again until the masked value fits the range (the count of draws shows in later values)
math.randomseed(31337)
local out = {}
for i = 1, 40 do out[i] = math.random(0, 4) end   -- mask 7: some draws are rejected
print(table.concat(out, " "))
out = {}
for i = 1, 20 do out[i] = math.random(0, 7) end   -- mask 7: never rejected
print(table.concat(out, " "))
out = {}
for i = 1, 10 do out[i] = math.random(1, 1 << 62) end
print(table.concat(out, " "))
print(math.random(0))
