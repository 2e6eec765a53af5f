-- utf8.len over sub-ranges, including ranges that end inside a character
local s = "a€b😀c"
for i = 1, #s do
  local row = {}
  for j = i - 1, #s do row[#row + 1] = tostring((utf8.len(s, i, j))) end
  print(i, table.concat(row, " "))
end
print(utf8.len(s, -3), utf8.len(s, -1, -1), utf8.len(s, 1, -2))
