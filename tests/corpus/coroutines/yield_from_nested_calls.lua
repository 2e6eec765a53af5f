-- a yield several Lua calls deep suspends the whole stack
local function level3(x) local r = coroutine.yield("level3", x) return r + 1 end
local function level2(x) return level3(x * 2) + 1 end
local function level1(x) return level2(x + 1) + 1 end
local co = coroutine.create(level1)
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 100))
local t = setmetatable({}, {__index = function(_, k) return level1(k) end})
local co2 = coroutine.create(function() return t[5] end)
print(coroutine.resume(co2))
print(coroutine.resume(co2, 0))
