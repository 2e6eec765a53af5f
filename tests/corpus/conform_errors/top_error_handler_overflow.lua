-- a message handler that fails every time ends in "error in error handling"
print(xpcall(error, function(m) error(m) end, "first"))
local n = 0
print(xpcall(error, function(m) n = n + 1 error(m) end, "again"), n)
print(xpcall(function() local t = nil; return t.x end, function(m) return "handled: " .. m end))
error("done")
