-- driving the utf8.codes iterator by hand with arbitrary control values
local f = utf8.codes("héllo")
for _, i in ipairs{0, 1, 2, 3, 4, 5, 6, 7, -1, math.maxinteger, math.mininteger, 1.0, "2"} do
  print(i, f("héllo", i))
end
local g = utf8.codes("", true)
print(g("\xed\xa0\x80", 0), pcall(f, "\xed\xa0\x80", 0))
print(pcall(f, "abc", "x"))
print(f(123, 1))
-- nested loops and break
for p1, c1 in utf8.codes("ab") do
  for p2, c2 in utf8.codes("xé") do io.write(p1, c1, "/", p2, c2, " ") end
end
print()
for p, c in utf8.codes("stop€here") do if c == 0x20AC then print("found at", p) break end end
