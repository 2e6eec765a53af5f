local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function w(v) return setmetatable({v = v}, mt) end
local x, y = w(1), w(2)
print(x < y, x > y, x <= y, x >= y, x <= w(1), x >= w(1))
local mixed = setmetatable({}, {__lt = function(a, b) return type(a) .. "<" .. type(b) end})
print(mixed < 1, 1 < mixed, "s" < mixed)
print(pcall(function() return {} < {} end))
print(pcall(function() return {} <= {} end))
print(pcall(function() return x < 1 end))
