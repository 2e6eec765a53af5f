-- a normal coroutine (one that resumed another) cannot be closed
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function()
    print(pcall(coroutine.close, outer))
    coroutine.close(outer)
  end)
  print(coroutine.resume(inner))
  return "outer ok"
end)
print(coroutine.resume(outer))
