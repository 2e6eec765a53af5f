-- a wrap function calling itself: the coroutine is running, not suspended
local f
f = coroutine.wrap(function()
  f()
end)
print(pcall(function() f() end))
print(pcall(f))
