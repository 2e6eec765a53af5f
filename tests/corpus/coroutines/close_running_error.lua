-- a running coroutine cannot be closed
local co
co = coroutine.create(function()
  print(pcall(coroutine.close, co))
  local ok, e = pcall(function() coroutine.close(co) end)
  print(ok, e)
  coroutine.close(coroutine.running())
end)
print(coroutine.resume(co))
print(pcall(coroutine.close, coroutine.running()))
