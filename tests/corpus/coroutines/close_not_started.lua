-- closing a coroutine that never ran
local ran = false
local co = coroutine.create(function() ran = true end)
print(coroutine.close(co))
print(coroutine.status(co), ran)
print(coroutine.resume(co))
print(coroutine.close(co))
