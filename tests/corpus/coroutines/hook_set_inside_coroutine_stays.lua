-- A hook set inside a coroutine belongs to that coroutine: the main thread does not get it,
-- but coroutines created inside it do.
local co = coroutine.create(function()
  debug.sethook(function() end, "c")
  local inner = coroutine.create(function() return debug.gethook() ~= nil, select(2, debug.gethook()) end)
  coroutine.yield(coroutine.resume(inner))
  return debug.gethook() ~= nil
end)
print(coroutine.resume(co))
print("main hook", debug.gethook())
print(coroutine.resume(co))
print("gethook of the coroutine from main", select(2, debug.gethook(co)))
