-- a generator with wrap
local function range(n, step)
  return coroutine.wrap(function()
    for i = 1, n, step or 1 do coroutine.yield(i) end
  end)
end
local gen = range(10, 3)
print(gen(), gen(), gen(), gen())
print("exhausted returns nothing:", select("#", gen()))
local sum = 0
for v in range(100) do sum = sum + v end
print("sum", sum)
