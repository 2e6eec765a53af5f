local mt = {__tostring = function(s) return "OBJ" .. s.n end}
local o = setmetatable({n = 7}, mt)
print(o, tostring(o))
print(pcall(function() return "x" .. o end))
print(string.format("%s|%10s|%-6s|", o, o, o))
io.write(tostring(o), "\n")
print(pcall(io.write, o))
