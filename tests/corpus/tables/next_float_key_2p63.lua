-- next() after the float key 2^63 (not an integer: it has no integer representation),
-- alone and beside integer keys; also -2^63, which is math.mininteger
-- (found by the random programs, seed 5: "invalid key to 'next'")
local t = {}
t[2^63] = "x"
print(next(t))
print(next(t, 2^63))
local u = {}
u[math.maxinteger + 0.0] = "y"
u[2^53] = "z"
local n = 0
for k, v in next, u do n = n + 1 end
print(n, u[2^63], u[math.maxinteger])
local w = {10, 20}
w[-2^63] = 1
w[2^63] = 2
w[math.maxinteger] = 3
local keys = {}
for k in pairs(w) do keys[#keys + 1] = string.format("%s:%s", math.type(k), k) end
table.sort(keys)
print(table.concat(keys, " "))
print(pcall(next, w, 2^64), pcall(next, w, -2^64))
