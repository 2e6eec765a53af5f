-- a __close handler resumes another coroutine while its own is closed
local helper = coroutine.create(function(x)
  while true do x = coroutine.yield("helper got " .. tostring(x)) end
end)
coroutine.resume(helper, 0)
local co = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function()
    print(coroutine.resume(helper, "from closer"))
  end})
  coroutine.yield()
end)
coroutine.resume(co)
print(coroutine.close(co))
print(coroutine.status(helper))
