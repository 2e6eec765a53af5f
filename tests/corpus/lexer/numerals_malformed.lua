local cases = {"3x", "0xg", "1e", "1e+", "1..2", "0x", "3.4.5", "1.e", "0x1p", "08f", "1_000", ".e1", "0x.p1", "1ee2"}
for _, c in ipairs(cases) do
  print(c, load("return " .. c))
end
