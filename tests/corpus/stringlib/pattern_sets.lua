-- sets: ranges, complements, classes inside sets, ']' and '-' placement
local s = "abc-XYZ]019_^%[x"
for _, p in ipairs{"[a-c]+", "[^a-c]+", "[%a]+", "[%d_]+", "[]]", "[^]]+", "[a-]+", "[-a]+", "[%-]", "[a%-z]+",
  "[%]]", "[%[]", "[%^]", "[x^]+", "[^^]+", "[c-a]", "[%a-z]+", "[0-9]+", "[A-Z]+", "[%%]", "[_%w]+", "[.]"} do
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = m end
  print(p, #out, table.concat(out, "|"))
end
print(("\200\201\202"):match("[\200-\201]+"), ("abc"):match("[\0-b]+"), ("a\0b"):match("[%z]"))
print(pcall(string.match, "x", "[]"))
