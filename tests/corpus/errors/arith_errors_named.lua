local t = {x = 1}
local up = nil
print(pcall(function() return t.y + 1 end))
print(pcall(function() return 1 + t.y end))
print(pcall(function() return t.x * t.y end))
print(pcall(function() local a; return a - 1 end))
print(pcall(function() return up / 2 end))
print(pcall(function() return glob % 2 end))
print(pcall(function() return -t.y end))
print(pcall(function() return t ^ 2 end))
print(pcall(function() return 2 // {} end))
print(pcall(function() return t.x + "abc" end))
print(pcall(function() return {} + nil end))
