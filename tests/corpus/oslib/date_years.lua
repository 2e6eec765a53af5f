-- years before 1000, negative years and years past 9999
for _, y in ipairs{5, 99, 999, 1000, 0, -1, -5, -99, -100, -101, -999, -1000, -12345, 12345, 100000} do
  local t = os.time{year = y, month = 3, day = 1, hour = 0}
  print(y, t, os.date("!%Y|%C|%y|%G|%g|%F|%D|%c|%x", t))
end
