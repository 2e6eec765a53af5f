local mt = {__eq = function() return true end}
local t = setmetatable({}, mt)
local u = setmetatable({}, {__eq = function() return false end})
print(t == u, u == t)
print(t == 1, t == "x", t == nil)
print(t == print)
