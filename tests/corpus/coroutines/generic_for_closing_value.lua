-- the closing value of a generic for is closed when the coroutine is closed
local function iter_with_close(n)
  local closer = setmetatable({}, {__close = function() print("loop closing value closed") end})
  local i = 0
  return function() i = i + 1; if i <= n then return i end end, nil, nil, closer
end
local co = coroutine.create(function()
  for i in iter_with_close(5) do coroutine.yield(i) end
  print("loop ended normally")
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.close(co))
local co2 = coroutine.create(function()
  for i in iter_with_close(2) do coroutine.yield(i) end
  return "done"
end)
for _ = 1, 3 do print(coroutine.resume(co2)) end
