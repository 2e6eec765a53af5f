-- getinfo on another coroutine's stack
local co = coroutine.create(function(x)
  local function deeper()
    coroutine.yield()
  end
  deeper()
  return x
end)
print(debug.getinfo(co, 0))
coroutine.resume(co, 5)
for level = 0, 3 do
  local i = debug.getinfo(co, level, "Sln")
  if i then print(level, i.what, i.currentline, i.name, i.namewhat) else print(level, nil) end
end
print(debug.getinfo(co, 1, "f").func ~= nil)
print(pcall(debug.getinfo, co))
print(pcall(debug.getinfo, co, 0, "x"))
coroutine.resume(co)
print(debug.getinfo(co, 0))
