-- create, resume to completion, results and status
local co = coroutine.create(function(a, b)
  print("body got", a, b)
  return a + b, "done"
end)
print("type", type(co))
print("status before", coroutine.status(co))
print("resume", coroutine.resume(co, 2, 3))
print("status after", coroutine.status(co))
print("resume again", coroutine.resume(co))
