-- after close, a coroutine is dead for good
local co = coroutine.create(function()
  for i = 1, 10 do coroutine.yield(i) end
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.close(co))
print(coroutine.resume(co))
print(coroutine.status(co))
local w = coroutine.wrap(function() coroutine.yield(1) end)
w()
print(pcall(w))
print(pcall(w))
