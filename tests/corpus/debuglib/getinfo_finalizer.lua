-- a __gc finalizer is named metamethod '__gc' by debug.getinfo and tracebacks
setmetatable({}, {__gc = function()
  local t = debug.getinfo(1, "n")
  print("finalizer:", t.namewhat, t.name)
  print((debug.traceback("tb", 1):gsub("\n[^\n]*%[C%][^\n]*", "")))
end})
collectgarbage()
local function f() return debug.getinfo(1, "n") end
local t = f()
print("plain call:", t.namewhat, t.name)
