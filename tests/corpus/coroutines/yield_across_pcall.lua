-- yield from inside pcall, then return or fail after resuming
local co = coroutine.create(function()
  local ok, a, b = pcall(function(x)
    local y = coroutine.yield("in pcall", x)
    return y * 2, "ok"
  end, 5)
  print("pcall returned", ok, a, b)
  local ok2, err = pcall(function()
    coroutine.yield("second")
    error("after yield")
  end)
  print("pcall caught", ok2, err)
  return "end"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 21))
print(coroutine.resume(co))
print(coroutine.status(co))
