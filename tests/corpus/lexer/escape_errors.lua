local cases = {
  [["\q"]],
  [["\x4"]],
  [["\xg0"]],
  [["\256"]],
  [["\999"]],
  [["\u{110000000}"]],
  [["\u41"]],
  [["\u{41"]],
  [["\u{}"]],
  [["\u{zz}"]],
  '"abc',
  "'abc\ndef'",
}
for i, src in ipairs(cases) do
  print(i, load("return " .. src))
end
print("escape \\8 is byte", load('return "\\8"')():byte())
