local t = {}
t[1.0] = "one"
print(t[1], rawget(t, 1), math.type(next(t)))
t[2] = "two"
print(t[2.0])
t[3.5] = "float"
print(t[3.5], t[3])
t[2^53] = "big"
print(t[2^53], t[math.tointeger(2^53)])
local keys = {}
for k in pairs(t) do keys[#keys + 1] = math.type(k) .. ":" .. tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
print(#t)
local u = {[1.0] = "a", [2.0] = "b", [3.0] = "c"}
print(#u, u[1], u[3])
t = {}
t[-0.0] = "zero"
print(t[0], math.type(next(t)))
