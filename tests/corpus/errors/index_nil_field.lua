local t = {a = {}}
print(pcall(function() return t.a.b.c end))
print(pcall(function() return t.missing.x end))
print(pcall(function() t.missing.x = 1 end))
print(pcall(function() return t["str key"].x end))
print(pcall(function() local k = "dyn" return t[k].x end))
print(pcall(function() return t[1].x end))
print(pcall(function() return t.a[1][2] end))
