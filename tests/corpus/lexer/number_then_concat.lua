print(1 .. 2, 1 .. "", 1.5 .. "|")
local x = 10
print(x..x, x .. 0x10)
print(2^53 .. "", -0.0 .. "")
