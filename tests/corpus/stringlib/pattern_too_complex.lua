-- the matcher's recursion limit ("pattern too complex") and patterns just below it
local s = string.rep("a", 300)
for _, n in ipairs{150, 198, 199, 200, 201, 300} do
  print("a?", n, pcall(string.find, s, string.rep("a?", n)))
end
for _, n in ipairs{198, 199, 200} do
  print("a-", n, pcall(string.find, s, string.rep("a-", n) .. "$"))
end
print(pcall(string.match, s, string.rep("(", 31) .. "a*" .. string.rep(")", 31)))
print(select("#", string.match(s, string.rep("(a)", 32))))
print(pcall(string.match, s, string.rep("(a)", 33)))
print(pcall(string.gsub, s, string.rep("a?", 250), "x"))
