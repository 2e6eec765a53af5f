-- 'and'/'or' whose left operand is a constant that decides nothing is folded away by lua5.4:
-- the value's origin is then the right operand, which error messages name (found by the
-- random-program hunt, seed 20261301 program 112 and seed 20261302 program 519)
local s = 7
print(pcall(function() return s & ((true and true) and nil or math.pi) end))
print(pcall(function() return s & (nil or "café") end))
print(pcall(function() return s & (1 and "x") end))
print(pcall(function() return s & (false or math.huge) end))
print(pcall(function() return #(true and s) end))
print(pcall(function() return (true and s)() end))
print(pcall(function() return (nil or s).x end))
-- not folded: the left operand decides
print(pcall(function() return s & (s and "x") end))
print(pcall(function() return s & (nil and "x") end))
print(pcall(function() return s & (1 or "x") end))
-- one value from a call, as the operator gives
local function two() return 1, 2 end
print(true and two())
print(nil or two())
print(select("#", (true and two())))
