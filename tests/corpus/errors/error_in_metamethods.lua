local t = setmetatable({}, {
  __index = function(_, k) error("no field " .. k) end,
  __add = function() error("cannot add", 2) end,
  __tostring = function() error("tostring failed") end,
})
print(pcall(function() return t.foo end))
print(pcall(function() return t + 1 end))
print(pcall(tostring, t))
print(pcall(print, t))
print(pcall(string.format, "%s", t))
