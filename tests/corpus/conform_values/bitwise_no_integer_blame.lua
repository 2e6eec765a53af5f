-- 'number has no integer representation' names the first operand that fails, else the second
local a, b, i = 1.5, 2.5, 3
local t = {x = 1.5, y = 2.5}
print(pcall(function() return a | b end))
print(pcall(function() return a | i end))
print(pcall(function() return i | b end))
print(pcall(function() return t.x & t.y end))
print(pcall(function() return t.x << 1 end))
print(pcall(function() return 1 >> t.y end))
print(pcall(function() return ~t.x end))
print(pcall(function() return math.huge ~ math.pi end))
print(pcall(function() return a ~ 2^63 end))
print(pcall(function() return 2^63 ~ a end))
print(pcall(function() return "1.5" | 1 end))
print(pcall(function() return 1.5 | "1" end))
print(pcall(function() return b | {} end))
print(pcall(function() return {} | b end))
for i = 1, 3 do print(pcall(function() return a | b end)) end
