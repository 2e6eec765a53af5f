-- close runs the pending to-be-closed variables, innermost first, with nil
local function res(name)
  return setmetatable({}, {__close = function(_, err) print("close", name, err) end})
end
local co = coroutine.create(function()
  local a <close> = res("a")
  do
    local b <close> = res("b")
    local c <close> = res("c")
    coroutine.yield("suspended")
  end
  print("never")
end)
print(coroutine.resume(co))
print("close:", coroutine.close(co))
print("status:", coroutine.status(co))
print("close again:", coroutine.close(co))
print("resume:", coroutine.resume(co))
