-- %e and %E
local values = {0, -0.0, 1, -1, 0.5, 1.5, 9.5, 10, 123456, 0.000123456, 1e100, 1e-100, 1e300, 5e-324,
  2.2250738585072014e-308, 1/3, 2/3, 0.1, 99999.5, 999999.5, math.maxinteger, math.mininteger, 1/0, -1/0}
for _, p in ipairs{"", ".0", ".1", ".2", ".5", ".14", ".16", ".20"} do
  local parts = {}
  for _, v in ipairs(values) do parts[#parts + 1] = string.format("%" .. p .. "e", v) end
  print(p, table.concat(parts, " "))
end
print(string.format("%E|%12.3e|%-12.3E|%012.3e|%+e|% e|%#.0e|%.0e", 12.5, 12.5, 12.5, -12.5, 1, 1, 5, 5))
