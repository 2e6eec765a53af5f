-- many coroutines that yield once and are dropped
local sum = 0
for i = 1, 20000 do
  local co = coroutine.create(function(x) coroutine.yield(x * 2) end)
  local _, v = coroutine.resume(co, i)
  sum = sum + v
end
collectgarbage()
print("sum", sum)
local kept = {}
for i = 1, 1000 do
  kept[i] = coroutine.wrap(function() coroutine.yield(i) return -i end)
  kept[i]()
end
collectgarbage()
local s = 0
for i = 1, 1000 do s = s + kept[i]() end
print("kept sum", s)
