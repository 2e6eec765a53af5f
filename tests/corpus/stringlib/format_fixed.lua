-- %f with many precisions (exact rounding as C's printf)
local values = {0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1/3, 2/3, 0.1, 0.7, 1.005, 2.675, 9.995, 99.5,
  1e15, 1e16, 123456789.987654321, 2^53 + 1, 2^63, 1e22, 1e-7, 5e-324, 1.7976931348623157e308, 3, -17}
for _, p in ipairs{"", ".0", ".1", ".2", ".3", ".6", ".10", ".17", ".20"} do
  local parts = {}
  for _, v in ipairs(values) do parts[#parts + 1] = string.format("%" .. p .. "f", v) end
  print(p, table.concat(parts, " "))
end
print(string.format("%10.3f|%-10.3f|%010.3f|%+.2f|% .2f|%#.0f|%.0f", math.pi, math.pi, -math.pi, 1, 1, 3, 3))
print(string.format("%f %f %f", 1/0, -1/0, -(0/0)), pcall(string.format, "%F", 1))
