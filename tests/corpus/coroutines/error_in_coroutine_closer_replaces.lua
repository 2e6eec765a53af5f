-- at close, a failing __close replaces the error the coroutine died with
local co = coroutine.create(function()
  local a <close> = setmetatable({}, {__close = function(_, e) print("a sees", e) end})
  local b <close> = setmetatable({}, {__close = function(_, e) print("b sees", e); error("b: " .. tostring(e), 0) end})
  error("original", 0)
end)
print(coroutine.resume(co))
print(coroutine.close(co))
print(coroutine.close(co))
