local t = {n = 5}
print(pcall(function() return #t.n end))
print(pcall(function() return #t.missing end))
print(pcall(function() local b = true return #b end))
print(pcall(function() return #undefinedg end))
print(pcall(function() return #42 end))
print(pcall(function() return #print end))
