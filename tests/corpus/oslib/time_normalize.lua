-- os.time normalises out-of-range fields and writes them back into the table
local function show(t)
  return string.format("%d-%02d-%02d %02d:%02d:%02d yday=%d wday=%d isdst=%s", t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday, tostring(t.isdst))
end
local cases = {
  {year = 2020, month = 14, day = -3, hour = 25, min = -1, sec = 70},
  {year = 2024, month = 0, day = 0},
  {year = 2024, month = -13, day = 400},
  {year = 2024, month = 1, day = 1, sec = -1},
  {year = 2024, month = 1, day = 1, min = 100000},
  {year = 2000, month = 2, day = 30},
  {year = 1900, month = 2, day = 29},
  {year = 2100, month = 2, day = 29},
  {year = 2020, month = 12, day = 31, hour = 24},
  {year = 2020, month = 1, day = 1, hour = -1},
}
for _, t in ipairs(cases) do
  local r = os.time(t)
  print(r, show(t))
end
local t = {year = 2020, month = 1, day = 1}
os.time(t)
print(t.hour, t.min, t.sec, t.isdst)
