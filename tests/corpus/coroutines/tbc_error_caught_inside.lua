-- with a pcall inside the coroutine, closing happens at once, as on the main thread
local co = coroutine.create(function()
  local ok, e = pcall(function()
    local a <close> = setmetatable({}, {__close = function(_, e) print("closing a with", e) end})
    error("inner", 0)
  end)
  print("caught", ok, e)
  local b <close> = setmetatable({}, {__close = function(_, e) print("closing b with", e) end})
  coroutine.yield("yielded")
  return "finished"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.close(co))
