-- load with a reader that raises an error: nil and the error, and no frames left behind (conformance O2)
print(load(function() error("oops") end))
print(debug.getinfo(1, "l").currentline)
print(load(function() error({}) end) == nil)
local n = 0
print(load(function() n = n + 1 if n < 3 then return "x = " .. n .. " " end error("late", 0) end))
for i = 1, 2000 do load(function() error("oops") end) end
print(debug.traceback("tb"))
print(xpcall(function()
  print(load(function() error("in xpcall") end))
  return debug.getinfo(1, "l").currentline
end, function(m) return "handled: " .. tostring(m) end))
local function id(x) return x end
print(pcall(id, "still working"))
error("where am I?")
