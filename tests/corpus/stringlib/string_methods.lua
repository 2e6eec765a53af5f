-- method calls on strings, and the argument numbers in their error messages
local s = "Hello"
print(s:len(), s:upper(), s:lower(), s:rep(2, "-"), s:sub(2, 3), s:byte(1), s:reverse(), s:find("l"), s:match("l+"))
print(("%d items"):format(3), ("a,b"):gsub(",", ";"), ("x"):rep(3))
print(pcall(function() return s:rep() end))
print(pcall(function() return s:sub() end))
print(pcall(function() return s:byte("x") end))
print(pcall(function() return s:format() end))
print(pcall(function() return ("%d"):format("x") end))
print(pcall(function() return s:gsub() end))
print(pcall(function() return s:nosuch() end))
print(pcall(function() return string.rep() end))
local rep = string.rep
print(pcall(function() return rep() end))
local t = {f = string.sub}
print(pcall(function() return t.f() end))
print(pcall(function() return t:f() end))
print(pcall(string.char, {}))
print(pcall(function() local x = 5; return x:rep(2) end))
