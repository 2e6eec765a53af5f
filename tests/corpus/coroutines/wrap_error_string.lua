-- errors through a wrap function get the caller's position prepended
local f = coroutine.wrap(function() error("boom") end)
print(pcall(f))
local g = coroutine.wrap(function() error("boom") end)
print(pcall(function()
  g()
end))
local h = coroutine.wrap(function() local t = nil; return t.x end)
local function caller() return h() end
print(pcall(caller))
local k = coroutine.wrap(function() coroutine.yield(1); error("later") end)
print(k())
print(pcall(function() k() end))
