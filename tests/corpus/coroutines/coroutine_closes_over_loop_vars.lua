-- coroutines created in a loop capture fresh loop variables
local cos = {}
for i = 1, 3 do
  cos[i] = coroutine.create(function()
    coroutine.yield(i)
    coroutine.yield(i * 100)
  end)
end
for round = 1, 2 do
  for i = 3, 1, -1 do io.write(select(2, coroutine.resume(cos[i])), " ") end
end
print()
