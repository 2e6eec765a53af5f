-- __index and __newindex functions may yield
local log = {}
local proxy = setmetatable({}, {
  __index = function(t, k)
    local v = coroutine.yield("get " .. k)
    return v
  end,
  __newindex = function(t, k, v)
    coroutine.yield("set " .. k .. "=" .. tostring(v))
    rawset(t, k, v)
  end,
})
local co = coroutine.create(function()
  local a = proxy.a
  proxy.b = a + 1
  return proxy.b, rawget(proxy, "b")
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 41))
print(coroutine.resume(co))
