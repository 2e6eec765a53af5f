-- long subjects: repetition must not recurse per character
local big = string.rep("a", 200000) .. "b"
print(big:find("a*b"), big:find("b$"), #big:match("^(a*)"), big:find("^.-b"), big:find("^[ab]*c"))
print(big:match("^(a+)(b)") == string.rep("a", 200000), big:find("b", 1, true), big:find("%f[b]"))
local small = string.rep("a", 2000)
print(small:find("[ab]*c"), small:find("a-c"), small:find(".-b"))
local words = string.rep("word ", 50000)
local n = 0
for w in words:gmatch("%a+") do n = n + 1 end
print(n, select(2, words:gsub("%s+", " ")), #words:gsub("o", "0"))
local long = string.rep("x", 100000)
print(long:find("y"), long:find("x", 99999), long:find(long, 1, true), long:match(".*") == long)
print(#(string.rep("ab", 100000):gsub("b", "")), string.rep("(", 1000):find("%b()"), ("(" .. long .. ")"):find("%b()"))
