-- two coroutines bouncing a counter through the main thread
local ping = coroutine.create(function(n)
  while n < 10 do n = coroutine.yield("ping", n + 1) end
  return "ping stops", n
end)
local pong = coroutine.create(function(n)
  while n < 10 do n = coroutine.yield("pong", n + 1) end
  return "pong stops", n
end)
local n = 0
local who = ping
while true do
  local ok, tag, v = coroutine.resume(who, n)
  print(tag, v)
  if coroutine.status(who) == "dead" then break end
  n = v
  who = who == ping and pong or ping
end
