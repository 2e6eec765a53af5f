-- calling a finished wrap function raises with position
local f = coroutine.wrap(function() return "only once" end)
print(f())
print(pcall(f))
print(pcall(function() return f() end))
local ok, e = pcall(function()
  local x = f()
end)
print(ok, e)
