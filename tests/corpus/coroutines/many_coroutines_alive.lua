-- ten thousand suspended coroutines at once, resumed round robin
local N = 10000
local cos = {}
for i = 1, N do
  cos[i] = coroutine.create(function(step)
    local acc = i
    for _ = 1, 3 do
      step = coroutine.yield(acc)
      acc = acc + step
    end
    return acc
  end)
end
local total = 0
for round = 1, 4 do
  local sum = 0
  for i = 1, N do
    local ok, v = coroutine.resume(cos[i], round)
    sum = sum + v
  end
  print("round", round, sum)
  total = total + sum
end
local dead = 0
for i = 1, N do if coroutine.status(cos[i]) == "dead" then dead = dead + 1 end end
print("total", total, "dead", dead)
