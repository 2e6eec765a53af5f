-- numbers are not strings: no position is added by wrap
local f = coroutine.wrap(function() error(42) end)
print(pcall(function() f() end))
local g = coroutine.wrap(function() error(1.5) end)
local ok, e = pcall(function() g() end)
print(ok, e, math.type(e))
local h = coroutine.wrap(function() error("42") end)
print(pcall(function() h() end))
