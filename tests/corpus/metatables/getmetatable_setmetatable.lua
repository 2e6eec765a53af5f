local t = {}
print(getmetatable(t))
local mt = {}
print(setmetatable(t, mt) == t, getmetatable(t) == mt)
print(setmetatable(t, nil) == t, getmetatable(t))
print(pcall(getmetatable))
print(getmetatable(setmetatable({}, {__index = {}})).__index ~= nil)
