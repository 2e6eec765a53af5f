-- isdst in a zone without DST (TZ=UTC): true means one hour earlier, as glibc's mktime does
local function show(t) return string.format("%d-%02d-%02d %02d:%02d isdst=%s", t.year, t.month, t.day, t.hour, t.min, tostring(t.isdst)) end
for _, dst in ipairs{true, false} do
  local t = {year = 2020, month = 1, day = 1, hour = 0, isdst = dst}
  print(dst, os.time(t), show(t))
  t = {year = 2020, month = 7, day = 1, hour = 12, isdst = dst}
  print(dst, os.time(t), show(t))
end
local t = {year = 2020, month = 7, day = 1, hour = 12, isdst = "yes"}
print(os.time(t), show(t))
