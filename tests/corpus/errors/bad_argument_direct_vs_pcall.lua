-- a direct call names the function as it was called; through pcall the
-- name is found in the loaded libraries
print(pcall(function() table.insert(nil, 1) end))
print(pcall(table.insert, nil, 1))
print(pcall(function() local ins = table.insert ins(nil, 1) end))
print(pcall(function() string.rep() end))
print(pcall(string.rep))
print(pcall(function() setmetatable(1, {}) end))
print(pcall(setmetatable, 1, {}))
print(pcall(function() setmetatable({}, 1) end))
print(pcall(function() math.floor("x") end))
print(pcall(function() tostring() end))
print(pcall(function() ipairs() end))
print(pcall(function() local t = {f = string.upper} t.f() end))
