local t = {}
print(pcall(function() t[nil] = 1 end))
print(pcall(function() t[0/0] = 1 end))
print(pcall(rawset, t, nil, 1))
print(pcall(rawset, t, 0/0, 1))
print(t[nil], t[0/0], rawget(t, nil))
print(pcall(function() return {[nil] = 1} end))
print(pcall(function() return {[0/0] = 1} end))
print(pcall(function() local k t[k] = 5 end))
