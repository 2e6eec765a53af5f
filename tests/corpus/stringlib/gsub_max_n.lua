-- gsub's fourth argument
for _, n in ipairs{-1, 0, 1, 2, 3, 4, 10, 2.0, "2", math.maxinteger, math.mininteger} do
  print(n, string.gsub("aaaa", "a", "b", n), string.gsub("abc", "", "-", n))
end
print(pcall(string.gsub, "aaa", "a", "b", 1.5))
print(pcall(string.gsub, "aaa", "a", "b", "x"))
print(pcall(string.gsub, "aaa", "a", "b", {}))
