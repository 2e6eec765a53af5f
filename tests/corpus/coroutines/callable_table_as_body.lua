-- only functions make coroutines; a callable table is rejected
local callable = setmetatable({}, {__call = function() return "called" end})
print(pcall(coroutine.create, callable))
print(pcall(coroutine.wrap, callable))
local co = coroutine.create(function(...) return callable(...) end)
print(coroutine.resume(co))
local co2 = coroutine.create(print)
print(coroutine.resume(co2, "print as body", 1, 2))
print(coroutine.status(co2))
