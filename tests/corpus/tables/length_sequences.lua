local t = {}
print(#t)
for i = 1, 10 do t[i] = i end
print(#t)
t[#t + 1] = 11
print(#t)
t[#t] = nil
print(#t)
for i = #t, 6, -1 do t[i] = nil end
print(#t)
print(#{}, #{nil}, #{n = 1}, #"abc", #"")
local s = {"a", "b", "c"}
table.insert(s, "d")
print(#s, s[#s])
table.remove(s)
print(#s, s[#s])
