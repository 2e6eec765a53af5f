local t = {}
t[0] = "zero"; t[-1] = "minus one"; t[1] = "one"
print(t[0], t[-1], t[1], #t)
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))
print(#{[0] = 1, [-5] = 2})
t = {[math.mininteger] = "min", [math.maxinteger] = "max"}
print(t[math.mininteger], t[math.maxinteger], #t)
