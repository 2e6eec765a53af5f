-- resuming a dead coroutine fails without raising
local co = coroutine.create(function() return 1 end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co, 1, 2, 3))
local bad = coroutine.create(function() error("oops") end)
print(coroutine.resume(bad))
print(coroutine.resume(bad))
print(coroutine.status(bad))
