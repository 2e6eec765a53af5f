-- collections while coroutines are suspended do not disturb them
local cos = {}
for i = 1, 100 do
  cos[i] = coroutine.create(function()
    local big = {}
    for j = 1, 100 do big[j] = i * j end
    coroutine.yield()
    local s = 0
    for j = 1, 100 do s = s + big[j] end
    return s
  end)
  coroutine.resume(cos[i])
end
collectgarbage()
collectgarbage()
local total = 0
for i = 1, 100 do
  local ok, s = coroutine.resume(cos[i])
  total = total + s
end
print("total", total)
