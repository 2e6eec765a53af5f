-- message handlers: an error inside a coroutine is not handled by the resumer's xpcall
local function handler(m) return "handled<" .. tostring(m) .. ">" end
print(xpcall(function()
  return coroutine.resume(coroutine.create(function() error("inside", 0) end))
end, handler))
local f = coroutine.wrap(function() error("via wrap", 0) end)
print(xpcall(f, handler))
print(xpcall(function() f() end, handler))
local co = coroutine.create(function()
  return xpcall(function() error("own handler", 0) end, handler)
end)
print(coroutine.resume(co))
