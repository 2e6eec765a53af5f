-- ISO 8601 weeks (%G %g %V) and %U %W %j around year ends
for y = 1998, 2028 do
  local row = {}
  for _, md in ipairs{{12, 28}, {12, 29}, {12, 30}, {12, 31}, {1, 1}, {1, 2}, {1, 3}, {1, 4}} do
    local t = os.time{year = md[1] == 12 and y or y + 1, month = md[1], day = md[2], hour = 12}
    row[#row + 1] = os.date("!%G-%V-%u/%g/%U/%W/%j", t)
  end
  print(y, table.concat(row, " "))
end
