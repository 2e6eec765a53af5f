-- a generator used inside a gsub callback on the main thread
local nextname = coroutine.wrap(function()
  for _, n in ipairs({"one", "two", "three"}) do coroutine.yield(n) end
  while true do coroutine.yield("many") end
end)
print((string.gsub("a b c d", "%a", function() return nextname() end)))
