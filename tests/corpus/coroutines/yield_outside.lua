-- yield outside a coroutine is an error without position
print(pcall(coroutine.yield, 1))
print(pcall(function() coroutine.yield() end))
print(pcall(function() local y = coroutine.yield; y(1, 2) end))
print(coroutine.isyieldable())
