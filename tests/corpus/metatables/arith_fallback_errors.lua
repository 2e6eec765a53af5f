local mt = {__add = function(a, b) return "added" end}
local t = setmetatable({}, mt)
print(t + 1, 1 + t, t + t)
print(pcall(function() return t - 1 end))
print(pcall(function() local u = {} return u * t end))
print(pcall(function() return t .. "x" end))
print(pcall(function() return #t end))
print(pcall(function() return t() end))
