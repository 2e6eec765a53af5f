local obj = {}
local up
print(pcall(function() obj:foo() end))
print(pcall(function() obj.bar() end))
print(pcall(function() undefined_function() end))
print(pcall(function() local f; f() end))
print(pcall(function() up() end))
print(pcall(function() obj.a.b() end))
print(pcall(function() obj[1]() end))
print(pcall(function() string.nosuch("x") end))
print(pcall(function() ("x"):nosuch() end))
print(pcall(function() local s = "x" s:nosuch() end))
