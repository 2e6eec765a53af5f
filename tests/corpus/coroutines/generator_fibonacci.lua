-- an infinite generator, consumed partly
local function fib()
  return coroutine.wrap(function()
    local a, b = 0, 1
    while true do
      coroutine.yield(a)
      a, b = b, a + b
    end
  end)
end
local g = fib()
local t = {}
for i = 1, 20 do t[i] = g() end
print(table.concat(t, " "))
local g2 = fib()
for _ = 1, 90 do g2() end
print("fib(90)", g2())
