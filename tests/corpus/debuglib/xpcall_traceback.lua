-- debug.traceback as the message handler of xpcall
local function fail(x)
  local t = nil
  return t[x]
end
local function wrapper()
  local r = fail("key")
  return r
end
print(xpcall(wrapper, debug.traceback))
print(xpcall(function() error("plain error") end, debug.traceback))
local ok, e = xpcall(function() error({}) end, debug.traceback)
print(ok, type(e))
print(xpcall(function() error("no position", 0) end, debug.traceback))
print(xpcall(function() error() end, debug.traceback))
