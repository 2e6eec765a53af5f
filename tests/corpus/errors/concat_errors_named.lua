local t = {}
local up = {}
print(pcall(function() return "a" .. t end))
print(pcall(function() return t .. "a" end))
print(pcall(function() return "a" .. up end))
print(pcall(function() return "a" .. t.field end))
print(pcall(function() return "a" .. gvar end))
print(pcall(function() return "a" .. true end))
print(pcall(function() return 1 .. {} end))
print(pcall(function() local x = nil return x .. "b" .. "c" end))
print(pcall(function() return "a" .. "b" .. nil end))
print(pcall(function() return "a" .. print end))
