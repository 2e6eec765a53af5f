-- find/match with characters that are special only in some places
local s = "f(x) = [a-b] + 50% - $1 ^ 2 ? ."
for _, p in ipairs{")", "%)", "(x)", "%(x%)", "%[a%-b%]", "50%%", "%$1", "%^", "%?", "%.$", "-", "%-", "+", "%+", "a%-b",
  "]", "[]]", "=", " = ", "$1", "^f", "f^", "2 ?"} do
  print(p, pcall(string.find, s, p))
  print(p, pcall(string.match, s, p))
end
