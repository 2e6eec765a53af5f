-- wrap functions called through pcall and as methods
local f = coroutine.wrap(function(a, b)
  local c = coroutine.yield(a + b)
  return c .. "!"
end)
print(pcall(f, 1, 2))
print(pcall(f, "done"))
print(pcall(f))
local obj = {gen = coroutine.wrap(function(self) coroutine.yield(self.name) end), name = "obj"}
print(obj:gen())
