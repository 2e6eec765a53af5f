-- __tostring that calls tostring on itself: C stack overflow raised from the C function tostring (no position)
local obj = setmetatable({}, {__tostring = function(self) return "<" .. tostring(self) .. ">" end})
print(pcall(tostring, obj))
print(pcall(print, obj))
print(pcall(string.format, "%s", obj))
local n = 0
local mt = {__lt = function(x, y) n = n + 1 return x < y end}
print(pcall(table.sort, {3, 2, 1}, function(a, b) return setmetatable({}, mt) < setmetatable({}, mt) end))
print(n)
