-- load's reader function runs under lua_load, a C call: a coroutine cannot yield across it, load
-- returns the failure as its message, and isyieldable is false inside the reader (issue 12, C1).
local co = coroutine.create(function()
  local f, err = load(function() coroutine.yield("from reader") end)
  print("load:", f, err)
  local y
  f, err = load(function() if y == nil then y = coroutine.isyieldable() return "return 1" end end)
  print("isyieldable in reader:", y, f and f())
  print("after:", coroutine.isyieldable())
  -- a coroutine resumed inside the reader still yields to its resumer
  local inner = coroutine.wrap(function() coroutine.yield("inner") return "x" end)
  local n = 0
  f, err = load(function() n = n + 1 if n == 1 then return "return '" .. inner() .. "'" elseif n == 2 then return "..'" .. inner() .. "'" end end)
  print("nested:", err, f and f())
  return coroutine.yield("outer yield works")
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "resumed"))
print(pcall(load, function() coroutine.yield() end))
print(type(load(function() return coroutine.wrap(function() coroutine.yield() end)() end)))
