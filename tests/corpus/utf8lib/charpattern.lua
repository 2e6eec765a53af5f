-- utf8.charpattern matches one UTF-8 sequence
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
print(string.format("%q", utf8.charpattern))
local s = "añb€c😀d"
local parts = {}
for ch in s:gmatch(utf8.charpattern) do parts[#parts + 1] = ch end
print(#parts, table.concat(parts, "|"))
for ch in ("\xff\x80a\xc3\xa9"):gmatch(utf8.charpattern) do io.write(#ch, " ") end print()
print(("héllo"):match("^" .. utf8.charpattern .. utf8.charpattern))
print(select(2, ("日本語テキスト"):gsub(utf8.charpattern, "")))
