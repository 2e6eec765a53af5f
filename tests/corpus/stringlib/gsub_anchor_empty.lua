-- gsub with anchors and patterns that match the empty string
for _, p in ipairs{"", "^", "$", "^$", "x*", "a*", "a-", "%f[%w]", "%f[%W]", "()", "^a*", "b*$", ".-", "a?"} do
  for _, s in ipairs{"", "a", "aab", "bab"} do
    io.write(string.format("%-8s %-5s ", p, string.format("%q", s)))
    print(string.gsub(s, p, "<%0>"))
  end
end
