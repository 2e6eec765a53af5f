-- math.abs and math.fmod
for _, v in ipairs{0, -0.0, 3, -3, 3.5, -3.5, math.mininteger, math.maxinteger, -1/0, "-3", "-3.5"} do
  print(v, math.abs(v), math.type(math.abs(v)))
end
local vals = {5, -5, 3, -3, 5.5, -5.5, 2, 0.5, 1/0, -1/0, math.maxinteger, math.mininteger, -1}
for _, a in ipairs(vals) do
  local row = {}
  for _, b in ipairs(vals) do row[#row + 1] = tostring(math.fmod(a, b)) end
  print(a, table.concat(row, " "))
end
print(math.fmod(5, 0.0), math.fmod(-5, 0.0), math.fmod(1/0, 2))
print(math.fmod("7", "3"), math.type(math.fmod("7", "3")), math.fmod(7, 3), math.type(math.fmod(7, 3)))
