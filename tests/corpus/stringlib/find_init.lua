-- init argument of find and match: negative, zero, beyond the end
local s = "hello world"
for _, init in ipairs{-100, -12, -11, -5, -1, 0, 1, 5, 11, 12, 13, 100, math.mininteger, math.maxinteger} do
  print(init, s:find("o", init), s:find("", init), s:find("l+", init), s:match("()", init), s:match(".$", init))
end
print(pcall(string.find, s, "o", 1.5))
print(pcall(string.find, s, "o", "x"))
print(pcall(string.find, s))
print(pcall(string.find))
print(pcall(string.match, s, {}))
