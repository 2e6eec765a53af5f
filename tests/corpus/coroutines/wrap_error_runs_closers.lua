-- a wrap function closes the dead coroutine's variables before raising
local f = coroutine.wrap(function()
  local a <close> = setmetatable({}, {__close = function(_, e) print("closing with", e) end})
  coroutine.yield("first")
  error("second call fails")
end)
print(f())
print(pcall(f))
print(pcall(f))
