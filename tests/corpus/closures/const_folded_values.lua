-- <const> locals whose value lua5.4 folds at compile time (arithmetic on numerals, not on strings) are
-- constants: no slot, no upvalue; folded table keys keep their constant names in messages
local x <const> = 1 + 2
local y <const> = 2^53
local z <const> = 7 // 2
local w <const> = "a" .. "b"
local v <const> = -(-3)
local function f() return x, y, z, w, v end
print(f())
for i = 1, 5 do print(debug.getupvalue(f, i)) end
local i = 1
while true do local n, val = debug.getlocal(1, i); if not n then break end; print("local", n, type(val)); i = i + 1 end
local t = {}
print(pcall(function() return t[1 + 1].x end))
print(pcall(function() return t[x].x end))
print(pcall(function() return t["a" .. "b"].x end))
print(pcall(function() return t[2^1].x end))
print(pcall(function() return t[-0.0 + 0].x end))
print(pcall(function() t[0/0 + 0] = 1 end))
print(pcall(function() return (1 + 2)() end))
print(pcall(function() return (x)() end))
print(pcall(function() return math.mininteger // -1, math.mininteger % -1, -9223372036854775807 - 1 // -1 end))
print(7 // -1 * 0, 3 % -2, -3 % 2.0, 5.5 // 2, 2^-1, 1 << 63 >> 63, ~0 >> 1, 3 | 1.0, 1e308 * 10, -(1e308 * 10))
print(load("return 1 // 0") ~= nil, load("return 1 % 0") ~= nil, pcall(load("return 1.5 | 0")))
