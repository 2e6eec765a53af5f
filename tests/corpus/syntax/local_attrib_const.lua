local x <const> = 10
local y <const>, z = 20, 30
print(x, y, z)
z = 31
print(z)
local s <const> = "str"
local function f() return x + y end
print(f(), s)
local nothing <const> = nil
print(nothing)
local a <const>, b <const> = 1
print(a, b)
