print(pcall(function() local t = {} t() end))
print(pcall(function() local t = setmetatable({}, {__call = 42}) t() end))
print(pcall(function() local t = setmetatable({}, {}) return t(1) end))
print(pcall(function() local x = "str" x() end))
