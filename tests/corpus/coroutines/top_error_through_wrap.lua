-- an uncaught error from a wrap function ends the script
local gen = coroutine.wrap(function()
  coroutine.yield(1)
  error("generator broke")
end)
print(gen())
local function use() return gen() end
use()
print("not reached")
