local s = "line1\
line2"
print(s, #s)
local t = 'a\
\
b'
print(#t, t:byte(1, -1))
