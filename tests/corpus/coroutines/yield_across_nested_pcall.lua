-- yields through several nested protected calls
local co = coroutine.create(function()
  return pcall(pcall, pcall, function()
    local v = coroutine.yield("deep")
    return v
  end)
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "value"))
