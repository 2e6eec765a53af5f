-- debug.sethook inside a running hook installs the new hook for later:
-- no hook fires while a hook function runs (the reference's allowhook)
local function target()
  local x = 1
end
debug.sethook(function()               -- call hook installs a line hook
  debug.sethook(function(e, l) print("line", l) end, "l")
  local y = 2                          -- still inside the call hook: no event
end, "c")
target()
debug.sethook()

-- a hook that re-installs itself on every event (a debugger refreshing it)
local n = 0
local function hook(e, l)
  n = n + 1
  debug.sethook(hook, "l")
end
debug.sethook(hook, "l")
local z = 1
debug.sethook()
print(n)

-- a count hook replaced by a line hook from inside the count hook
local events = {}
debug.sethook(function(e)
  events[#events + 1] = e
  if e == "count" then
    debug.sethook(function(e2, l) events[#events + 1] = e2 .. l end, "l")
    local w = 3
  end
end, "", 1000000000)
debug.sethook(debug.gethook(), "", 1)
local q = 1
debug.sethook()
print(table.concat(events, " "))
