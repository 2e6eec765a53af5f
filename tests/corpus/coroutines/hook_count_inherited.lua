-- The count hook is inherited with its count, and each thread counts on its own.
local n = 0
debug.sethook(function(ev) n = n + 1 end, "", 100)
local co = coroutine.wrap(function()
  local s = 0
  for i = 1, 10000 do s = s + i end
  return select(3, debug.gethook())
end)
local count = co()
debug.sethook()
print("count inherited", count)
print("count events fired", n > 50)
print(debug.gethook())
