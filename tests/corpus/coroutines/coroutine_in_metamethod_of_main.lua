-- a metamethod (run on the main thread) creates and drives coroutines
local mt = {__index = function(t, k)
  local co = coroutine.wrap(function()
    for i = 1, k do coroutine.yield(i) end
  end)
  local s = 0
  for v in co do s = s + v end
  return s
end}
local sums = setmetatable({}, mt)
print(sums[10], sums[100])
