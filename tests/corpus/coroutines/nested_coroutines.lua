-- coroutines resuming coroutines: yields go to the direct resumer
local log = {}
local inner = coroutine.create(function()
  coroutine.yield("inner 1")
  coroutine.yield("inner 2")
  return "inner done"
end)
local outer = coroutine.create(function()
  while true do
    local ok, v = coroutine.resume(inner)
    if coroutine.status(inner) == "dead" then return "outer saw " .. v end
    coroutine.yield("outer relays " .. v)
  end
end)
for _ = 1, 4 do print(coroutine.resume(outer)) end
