local log = {}
local co = coroutine.create(function()
  local r <close> = setmetatable({}, {__close = function() log[#log + 1] = "closed" end})
  coroutine.yield(1)
  log[#log + 1] = "never"
end)
print(coroutine.resume(co))
print(coroutine.close(co), coroutine.status(co))
print(table.concat(log, ","))
print(pcall(coroutine.close, coroutine.running()))
