-- a coroutine that fails after a number of yields
local co = coroutine.create(function()
  for i = 1, 3 do coroutine.yield(i) end
  local t = nil
  return t[1]
end)
for _ = 1, 5 do print(coroutine.resume(co)) end
print(coroutine.status(co))
