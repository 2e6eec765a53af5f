-- deep (but finite) recursion inside a coroutine, with a yield at the bottom
local function down(n)
  if n == 0 then
    coroutine.yield("bottom")
    return 0
  end
  return 1 + down(n - 1)
end
local co = coroutine.create(function() return down(5000) end)
print(coroutine.resume(co))
print(coroutine.resume(co))
local co2 = coroutine.create(function() return down(20000) end)
print(coroutine.resume(co2))
print(coroutine.resume(co2))
