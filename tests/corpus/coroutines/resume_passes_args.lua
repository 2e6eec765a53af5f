-- first resume passes the body's arguments; later ones become yield's results
local co = coroutine.create(function(...)
  print("start", select("#", ...), ...)
  local a, b = coroutine.yield("first")
  print("after first yield", a, b)
  local r = table.pack(coroutine.yield("second"))
  print("after second yield", r.n, r[1], r[2], r[3])
  return "end"
end)
print(coroutine.resume(co, 1, nil, 3))
print(coroutine.resume(co, "x", "y"))
print(coroutine.resume(co, nil, nil, nil))
print(coroutine.resume(co))
