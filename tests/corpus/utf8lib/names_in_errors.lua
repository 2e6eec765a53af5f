-- argument errors name the function as called
local len = utf8.len
print(pcall(function() return len("abc", 9) end))
print(pcall(function() return utf8.len("abc", 9) end))
print(pcall(function() return utf8.offset("abc", 1, 9) end))
print(pcall(function() return utf8.char(-1) end))
print(pcall(function() local u = utf8 return u.codepoint("abc", 0) end))
