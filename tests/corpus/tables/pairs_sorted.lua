local t = {banana = 3, apple = 1, cherry = 2, [1] = "one", [2] = "two"}
local keys = {}
for k in pairs(t) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, ","))
local sum = 0
for k, v in pairs({a = 1, b = 2, c = 3, d = 4}) do sum = sum + v end
print("sum", sum)
local seq = {}
for k, v in pairs({"x", "y", "z"}) do seq[#seq + 1] = k .. "=" .. v end
print(table.concat(seq, " "))
local f, s, c = pairs(t)
print(f == next, s == t, c)
print(pcall(pairs))
print(select("#", pairs(nil)))
print(pcall(function() for k in pairs(nil) do end end))
print(pcall(function() for k in pairs(42) do end end))
