local n = 42
local t = {num = 1, str = "s", b = true}
print(pcall(function() n() end))
print(pcall(function() t.num() end))
print(pcall(function() t.str() end))
print(pcall(function() t:b() end))
print(pcall(function() (42)() end))
print(pcall(function() ("str")() end))
print(pcall(function() local co = coroutine.create(print) co() end))
print(pcall(function() return (function() end)()() end))
