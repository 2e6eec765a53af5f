-- A Lua hook function runs inside a C call in lua5.4 (hookf calls it with lua_call):
-- coroutine.yield there fails with "attempt to yield across a C-call boundary" and
-- isyieldable() is false (found by conform_suite part B probing).
local co6 = coroutine.create(function()
  debug.sethook(function(ev, l) coroutine.yield(l) end, "l")
  local a = 1
  local b = 2
  debug.sethook()
  return "done"
end)
for i = 1, 3 do local r = table.pack(coroutine.resume(co6)); print(r[1], r[2], coroutine.status(co6)) if coroutine.status(co6) == "dead" then break end end
local co7 = coroutine.wrap(function()
  local got
  debug.sethook(function(ev) got = coroutine.isyieldable(); debug.sethook() end, "c")
  local x = math.abs(1)
  return got, coroutine.isyieldable()
end)
print(co7())
local co8 = coroutine.wrap(function()
  debug.sethook(function(ev) debug.sethook(); print(pcall(coroutine.yield, 1)) end, "", 1)
  local x = 1
  return "end"
end)
print(co8())
