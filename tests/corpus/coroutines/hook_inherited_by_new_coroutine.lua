-- A coroutine created while a debug hook is set inherits that hook (lua_newthread copies it);
-- one created before, or after the hook is removed, has none.
local before = coroutine.create(function() return debug.gethook() end)

local events = {}
local function hook(ev, line) events[#events + 1] = ev .. ":" .. tostring(line) end
debug.sethook(hook, "l")
local inherited = coroutine.create(function()
  local x = 1
  x = x + 1
  return debug.gethook()
end)
debug.sethook()
local after = coroutine.create(function() return debug.gethook() end)

events = {}
local ok, h, mask, count = coroutine.resume(inherited)
print("inherited", ok, h == hook, mask, count)
print("line events in the inherited coroutine", #events > 0)
print("main has a hook now", debug.gethook() ~= nil)
print("created before", coroutine.resume(before))
print("created after", coroutine.resume(after))
