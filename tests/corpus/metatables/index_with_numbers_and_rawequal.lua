local arr = setmetatable({}, {__index = function(_, i) return i * 2 end})
print(arr[1], arr[2.0], arr[-3], arr[1.5])
local seen = {}
local spy = setmetatable({}, {__index = function(_, k) seen[#seen + 1] = math.type(k) or type(k) end})
local _ = spy[1], spy[1.0], spy[2^53], spy["1"], spy[1.5]
print(table.concat(seen, " "))
