-- the coroutine that resumed another is "normal" and cannot be resumed
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function()
    print("outer status", coroutine.status(outer))
    print("resume outer", coroutine.resume(outer))
    coroutine.yield("inner yielded")
  end)
  print("inner says", coroutine.resume(inner))
  print("inner status", coroutine.status(inner))
  return "outer done"
end)
print(coroutine.resume(outer))
