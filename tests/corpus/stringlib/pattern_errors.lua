-- malformed patterns: the messages of the matcher
local pats = {"%", "[a", "[", "[]", "[^]", "[a%", "[%", "(", "(()", "a)", ")", "%b", "%bx", "%f", "%fx", "%f[a",
  "%1", "(%1)", "(a)%2", "x%", "%g%"}
for _, p in ipairs(pats) do
  print(p, pcall(string.find, "abc", p))
  print(p, pcall(string.match, "abc", p))
  print(p, pcall(string.gsub, "abc", p, ""))
  print(p, pcall(function() for x in ("abc"):gmatch(p) do end end))
end
print(pcall(string.find, "abc", string.rep("(", 33) .. "a" .. string.rep(")", 33)))
print(pcall(string.find, "abc", string.rep("(", 32) .. "a" .. string.rep(")", 32)))
print(pcall(string.find, "abc", string.rep("()", 33)))
