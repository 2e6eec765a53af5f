-- closing a coroutine that finished normally
local co = coroutine.create(function() return 1, 2 end)
print(coroutine.resume(co))
print(coroutine.close(co))
print(coroutine.close(co))
print(coroutine.status(co))
