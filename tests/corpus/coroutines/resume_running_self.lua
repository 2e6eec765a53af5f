-- a coroutine cannot resume itself
local co
co = coroutine.create(function()
  print("self resume:", coroutine.resume(co))
  print("via running:", coroutine.resume(coroutine.running()))
  return "still fine"
end)
print(coroutine.resume(co))
