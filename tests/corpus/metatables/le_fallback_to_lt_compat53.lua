-- Debian's lua5.4 is built with LUA_COMPAT_5_3, so a missing __le falls back
-- to "not (b < a)" using __lt (LUA_COMPAT_LT_LE)
local calls = {}
local mt = {__lt = function(a, b) calls[#calls + 1] = a.v .. "<" .. b.v return a.v < b.v end}
local one = setmetatable({v = 1}, mt)
local two = setmetatable({v = 2}, mt)
print(one <= two, two <= one, one >= two, one <= one)
print(table.concat(calls, " "))
local only_lt = setmetatable({v = 1}, {__lt = function(a, b) return true end})
print(pcall(function() return only_lt <= only_lt end))
