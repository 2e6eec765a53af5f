-- the stack of a coroutine that died in error stays until it is closed
local function fail() error("failed here") end
local co = coroutine.create(function() fail() end)
print(coroutine.resume(co))
print(debug.traceback(co))
print(coroutine.close(co))
print(debug.traceback(co))
