-- %d %i %u %x %X %o %c with flags, widths and precisions
local values = {0, 1, -1, 7, 42, -42, 255, 65535, 2^31, -2^31, 2^53, math.maxinteger, math.mininteger, 3.0, "12", " 0x1F "}
local specs = {"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%-8.3d|", "%+.0d", "%.0d",
  "%x", "%X", "%#x", "%#X", "%08x", "%#10x", "%-#10X|", "%.4x", "%o", "%#o", "%#.0o", "%5o", "%u", "%10u", "%-10u|", "%05u"}
for _, spec in ipairs(specs) do
  local parts = {}
  for _, v in ipairs(values) do parts[#parts + 1] = string.format(spec, v) end
  print(spec, table.concat(parts, " "))
end
print(string.format("%d|%i|%u", 3.0, -0.0, 2^63 - 1024))
print(string.format("%5.2d|%-+6d|% 05d|%+05d", 7, 7, 7, -7))
