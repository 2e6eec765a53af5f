-- bytes above 127 are never letters, digits or spaces in the C locale
local s = "na\xefve caf\xe9 \xa0 \xc3\xa9t\xc3\xa9 \xff"
local words = {}
for w in s:gmatch("%a+") do words[#words + 1] = w end
print(#words, table.concat(words, "|"))
print(select(2, s:gsub("[\128-\255]", "")), select(2, s:gsub("%W", "")), select(2, s:gsub("%s", "")))
print(s:upper() == s:gsub("%l", string.upper), s:find("\xe9"), s:find("[\xe9\xef]+"), s:match("\xc3.\x74"))
print(#s, s:reverse():reverse() == s, ("\xff"):byte(), ("\xff"):rep(3):byte(1, -1))
