-- a traceback of a suspended coroutine shows where it waits
local function waiter()
  coroutine.yield()
end
local co = coroutine.create(function()
  waiter()
end)
coroutine.resume(co)
print(debug.traceback(co))
print(debug.traceback(co, "message"))
print(debug.traceback(co, "level 1", 1))
coroutine.resume(co)
print(debug.traceback(co))
