local mt = getmetatable("")
print(type(mt), mt.__index == string)
print(("abc"):upper(), ("%d-%s"):format(5, "x"), ("x"):rep(3, ","))
local s = "hello"
print(s:sub(2, 3), s:len(), #s, s:byte(-1))
print(("test"):find("s"), ("a,b"):gsub(",", ";"))
print(pcall(function() return ("x"):nonexistent() end))
print(getmetatable(1), getmetatable(nil), getmetatable(print))
