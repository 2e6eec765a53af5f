local inputs = {"10", "  10  ", "10a", "0x1p4", "1e", "", " ", "0x", "inf", "nan", "1 2",
  "\t12\n", "-0x10", "- 1", "+1", "+-1", "1e+2", ".5", "5.", ".", "0x.8", "1E2", "0X1F", "00012",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808", "0x7fffffffffffffff1",
  "1.5e", "1e5.5", "0b101", "1,5", "\v7\f", "0x1P-1", "infinity", "12\0"}
for _, s in ipairs(inputs) do
  local n = tonumber(s)
  print(string.format("%q", s), n, math.type(n))
end
print(tonumber(42), tonumber(4.5), tonumber(nil), tonumber(true), tonumber({}) == nil)
print(pcall(tonumber))
