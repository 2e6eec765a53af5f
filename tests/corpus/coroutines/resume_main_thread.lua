-- the main thread is never resumable
local main, ismain = coroutine.running()
print("ismain", ismain)
print(coroutine.resume(main))
local co = coroutine.create(function()
  print("main from inside:", coroutine.status(main))
  print(coroutine.resume(main))
end)
coroutine.resume(co)
