-- hooks belong to one thread
local events = {}
local co = coroutine.create(function()
  local a = 1
  coroutine.yield()
  local b = 2
end)
debug.sethook(co, function(event, line) events[#events + 1] = event .. ":" .. tostring(line) end, "l")
print(debug.gethook() == nil, type(debug.gethook(co)))
local x = 1
coroutine.resume(co)
coroutine.resume(co)
print(table.concat(events, " "))
debug.sethook(co)
print(debug.gethook(co))
