-- %a and %A as glibc prints them
local values = {0, -0.0, 1, -1, 0.5, 0.1, 1/3, 2, 3, 255.5, 1e300, 1e-300, 5e-324, 2.2250738585072014e-308,
  2.2250738585072014e-308 / 2, 1.7976931348623157e308, 1.5, 2.5, 1.03125, 1.09375, 0x1.fffffffffffffp0, 1/0, -1/0}
for _, spec in ipairs{"%a", "%A", "%.0a", "%.1a", "%.2a", "%.3a", "%.12a", "%.13a", "%.20a", "%#a", "%#.0a",
  "%20a|", "%-20a|", "%020a", "%+a", "% a"} do
  local parts = {}
  for _, v in ipairs(values) do parts[#parts + 1] = string.format(spec, v) end
  print(spec, table.concat(parts, " "))
end
