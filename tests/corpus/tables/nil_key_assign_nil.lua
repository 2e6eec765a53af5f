local t = {}
print(pcall(function() t[nil] = nil end))
print(pcall(function() t[0/0] = nil end))
