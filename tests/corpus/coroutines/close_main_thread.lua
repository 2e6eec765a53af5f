-- closing the main thread
local main = coroutine.running()
print(pcall(coroutine.close, main))
local co = coroutine.create(function() return pcall(coroutine.close, main) end)
print(coroutine.resume(co))
