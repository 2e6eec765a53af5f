-- a __close handler may yield when its block ends normally
local function closer(name)
  return setmetatable({}, {__close = function(_, err)
    local v = coroutine.yield("closing " .. name)
    print("closer " .. name .. " resumed with", v, err)
  end})
end
local co = coroutine.create(function()
  do
    local a <close> = closer("a")
    local b <close> = closer("b")
    print("block body")
  end
  return "after block"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 2))
