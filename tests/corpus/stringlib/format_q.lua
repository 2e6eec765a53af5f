-- %q: strings with control bytes, integers, floats, and values without a literal form
print(string.format("%q", 'he said "hi"\n\tand left\\'))
print(string.format("%q", "\0\1\0012\r\n\27x\127\128\255"))
print(string.format("%q", "line1\nline2\r\n"))
print(string.format("%q", ""))
for _, v in ipairs{0, 1, -1, 42, math.maxinteger, math.mininteger, 0.0, -0.0, 1.0, 0.5, 0.1, -1.5, 1e100, 2^63,
  5e-324, 1/0, -1/0, 1/3} do
  print(string.format("%q", v))
end
print(string.format("%q", 0/0) == "(0/0)", string.format("%q %q %q", true, false, nil))
print(pcall(string.format, "%q", {}))
print(pcall(string.format, "%q", print))
print(pcall(string.format, "%10q", "x"))
print(pcall(string.format, "%-q", "x"))
print(pcall(string.format, "%q"))
