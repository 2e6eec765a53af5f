-- utf8.offset
local s = "héllo"
for n = -6, 7 do io.write(tostring(utf8.offset(s, n)), " ") end print()
print(utf8.offset(s, 0, 3), utf8.offset(s, 0, 2), utf8.offset(s, 0, 7), utf8.offset(s, 1, 7), utf8.offset(s, -1, 7))
print(utf8.offset("", 1), utf8.offset("", 0), utf8.offset("", -1), utf8.offset("", 2))
print(utf8.offset("abc", 1, 4), utf8.offset("abc", 2, 4), utf8.offset("abc", -1, 4), utf8.offset("abc", 0, 4))
print(utf8.offset("日本語", 2), utf8.offset("日本語", 3), utf8.offset("日本語", 4), utf8.offset("日本語", 5))
print(utf8.offset("日本語", -1), utf8.offset("日本語", -3), utf8.offset("日本語", -4))
print(utf8.offset("a\x80\x80b", 0, 3), utf8.offset("a\x80\x80b", -1), utf8.offset("a\x80\x80b", 2))
print(utf8.offset("\x80\x80", 0, 2), utf8.offset("\x80\x80", -1))
-- walking a string by characters
local t = {}
local i = 1
while i <= #s do t[#t + 1] = s:sub(i, utf8.offset(s, 2, i) - 1) i = utf8.offset(s, 2, i) end
print(table.concat(t, "|"))
