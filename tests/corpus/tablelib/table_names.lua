-- how errors of table functions name the function
local ins = table.insert
print(pcall(function() ins(nil, 1) end))
print(pcall(function() table.insert(nil, 1) end))
local t = {insert = table.insert}
print(pcall(function() t.insert(nil, 1) end))
print(pcall(function() return table.concat({}, {}) end))
print(pcall(function() local c = table.concat return c({{}}) end))
print(pcall(function() return table.remove({}, 5) end))
print(pcall(function() return table.unpack({}, 1, 1e8) end))
print(pcall(function() table.sort({3, 2, 1}, 5) end))
print(pcall(function() table.move({}, 1, 2) end))
