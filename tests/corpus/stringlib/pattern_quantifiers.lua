-- *, +, -, ? on single characters, classes and sets; greedy versus lazy
local s = "aaa<b>bb<c>"
for _, p in ipairs{"a*", "a+", "a-", "a?", "a-b", "<.*>", "<.->", "<.+>", "<%a?>", "b*", "b+", "[ab]*", "x*",
  "x?a", "%a+", "%a-<", ".-c", "^a-", "a-$", "(a*)(a*)", "(a-)(a*)"} do
  local i, j = s:find(p)
  print(p, i, j, i and s:sub(i, j))
end
print(("aaab"):match("^(a-)b"), ("aaab"):match("^(a*)(a*)b"), ("aaa"):match("(a?)(a?)(a?)(a?)"))
print(("xyz"):match("x?y?z?w?"), ("xyz"):match("^w?x"), ("color colour"):gsub("colou?r", "C"))
print(("abc"):match(".-"), ("abc"):match(".-$"), ("abc"):match(".*"), ("abc"):match(".+", 4))
