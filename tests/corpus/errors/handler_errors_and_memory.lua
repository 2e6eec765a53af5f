-- issue 13: a message handler that errors gives "error in error handling"
-- (LUA_ERRERR); sizes too large for a string are "resulting string too large"
print(xpcall(error, function(m) error("again") end, "boom"))
print(xpcall(error, function(m) local t = nil return t.x end, "boom"))
print(xpcall(function() local x = nil .. 1 end, function(m) return "handled: " .. m end))
print(pcall(string.rep, "x", 2^40))
print(pcall(string.rep, "x", 2^31))
print(pcall(string.rep, "xx", 2^30))
print(pcall(string.rep, "x", 2^30, "y"))
print(pcall(string.rep, "x", -1))
