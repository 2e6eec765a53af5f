-- %g and %G: choice between fixed and exponent styles, trailing zeros, '#'
local values = {0, -0.0, 1, 10, 100, 1e5, 1e6, 1e7, 123456, 1234567, 0.0001, 0.00001, 0.000123456, 1e-5,
  1/3, 2/3, 0.1, 100000.5, 999999.5, 9999995, 1e15, 1e16, 2^53, 2^63, 1e100, 5e-324, 1/0, -1/0}
for _, spec in ipairs{"%g", "%G", "%.0g", "%.1g", "%.2g", "%.3g", "%.6g", "%.10g", "%.14g", "%.15g", "%.17g",
  "%#g", "%#.3g", "%10.3g|", "%-10.3g|", "%010.3g", "%+g", "% g"} do
  local parts = {}
  for _, v in ipairs(values) do parts[#parts + 1] = string.format(spec, v) end
  print(spec, table.concat(parts, " "))
end
