-- os library cases (see gen.lua); run under TZ=UTC, America/New_York and Europe/Paris (regen.sh)
local times = {0, -1, 1, 86399, 86400, 1700000000, 951782400, 951868800, 1104537600, 1230681600, 1262217600, 1293753600,
  1135987200, 1167523200, 1199145600, 1483142400, 1514678400, 1546214400, 1577750400, 1609372800, 2^31 - 1, 2^31, -2^31,
  253402300799, 253402300800, -62167219200, -62167219201, -62135596800, 1e11, -1e11, 4102444800, -2208988800, -5000000000,
  1678604399, 1678604400, 1678607999, 1678608000, 1699163999, 1699164000, 1699167600, 1679792399, 1679792400,
  1698541199, 1698541200, 1698544800, 43200, 43199, 46800, 3600 * 13 + 59 * 60 + 59}
local fmts = {"%a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %%",
  "%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy", "%z", "%Z", "*t", "!*t", "!%c %z %Z", "", "!",
  "plain text", "%Y-%m-%dT%H:%M:%S", "a\0b%Y"}
for _, t in ipairs(times) do
  for _, f in ipairs(fmts) do case("os.date", f, t) end
end
-- ISO weeks around the new year for several years
for y = 1995, 2030 do
  for _, md in ipairs{{12, 27}, {12, 28}, {12, 29}, {12, 30}, {12, 31}, {1, 1}, {1, 2}, {1, 3}, {1, 4}, {1, 5}} do
    local t = os.time{year = md[1] == 12 and y or y + 1, month = md[1], day = md[2], hour = 12}
    case("os.date", "!%G-W%V-%u %g %U %W %j %a", t)
  end
end
-- errors
for _, f in ipairs{"%Ez", "%Ezabc", "%", "abc%", "%k", "%E", "%O", "%Q\0abc", "%Y\0%Q", "%l", "%s", "%P", "%+", "%5Y", "%-d",
                   "%#c", "%EE", "%Oz", "%OY"} do
  case("os.date", f, 0)
end
case("os.date", "%Y", 1.5) case("os.date", "%Y", "x") case("os.date", "%Y", "86400") case("os.date", "%Y", 86400.0)
case("os.date", 5, 0) case("os.date", nil, 0) case("os.date", {}, 0) case("os.date", "!%Y", 2^60) case("os.date", "%Y", -2^60)
case("os.date", "!%Y", math.maxinteger) case("os.date", "!%Y", math.mininteger) case("os.date", "!*t", 67767976233532799)
case("os.date", "!*t", -67768040609740800) case("os.date", "!*t", -67768040609740801) case("os.date", "!%Y", 67767976233316800)
-- os.time with tables (normalised fields are written back)
local function tm(t) case("os.time", t) end
tm({year = 2020, month = 1, day = 1}) tm({year = 2020, month = 1, day = 1, hour = 0})
tm({year = 2020, month = 14, day = -3, hour = 25, min = -1, sec = 70, isdst = true})
tm({year = 2020, month = 1, day = 1, isdst = false}) tm({year = 2020, month = 7, day = 1, isdst = false})
tm({year = 2020, month = 7, day = 1, isdst = true}) tm({year = 2020, month = 1, day = 1, isdst = true})
tm({year = 2000, month = 2, day = 30}) tm({year = 1900, month = 2, day = 29}) tm({year = 2100, month = 2, day = 29})
tm({year = 2024, month = 0, day = 0}) tm({year = 2024, month = -13, day = 400}) tm({year = 2024, month = 1, day = 1, sec = -1})
tm({year = 2024, month = 1, day = 1, min = 100000}) tm({year = 1970, month = 1, day = 1, hour = 0})
tm({year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 59}) tm({year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 58})
tm({year = 1, month = 1, day = 1}) tm({year = 0, month = 1, day = 1}) tm({year = -1000, month = 6, day = 15})
tm({year = 9999, month = 12, day = 31, hour = 23, min = 59, sec = 59}) tm({year = 300000, month = 1, day = 1})
tm({year = "2020", month = "3", day = "4", hour = "5"}) tm({year = 2020.0, month = 3.0, day = 4.0})
tm({year = 2023, month = 3, day = 12, hour = 2, min = 30}) tm({year = 2023, month = 3, day = 12, hour = 2, min = 30, isdst = true})
tm({year = 2023, month = 3, day = 12, hour = 2, min = 30, isdst = false})
tm({year = 2023, month = 11, day = 5, hour = 1, min = 30, isdst = true}) tm({year = 2023, month = 11, day = 5, hour = 1, min = 30, isdst = false})
tm({year = 2023, month = 3, day = 26, hour = 2, min = 30}) tm({year = 2023, month = 3, day = 26, hour = 2, min = 30, isdst = true})
tm({year = 2023, month = 3, day = 26, hour = 2, min = 30, isdst = false})
tm({year = 2023, month = 10, day = 29, hour = 2, min = 30, isdst = true}) tm({year = 2023, month = 10, day = 29, hour = 2, min = 30, isdst = false})
tm({year = 2023, month = 7, day = 1, hour = 12, isdst = false}) tm({year = 2023, month = 7, day = 1, hour = 12, isdst = "yes"})
tm({year = 2023, month = 7, day = 1, hour = 12, yday = 100, wday = 9, extra = 1})
tm({}) tm({year = 2020}) tm({year = 2020, month = 1}) tm({day = 1, month = 1}) tm({year = 2020, month = 1, day = 1.5})
tm({year = 2020, month = 1, day = "x"}) tm({year = 2020, month = 1, day = {}}) tm({year = 2020, month = 1, day = 1, hour = 2^40})
tm({year = 2020, month = 1, day = 1, min = 2^31}) tm({year = 2020, month = 1, day = 1, sec = -2^31 - 1})
tm({year = 2020, month = 2^31 + 1, day = 1}) tm({year = 2020, month = -2^31 + 1, day = 1}) tm({year = 2020, month = -2^31, day = 1})
tm({year = 2^31 + 1900, month = 1, day = 1}) tm({year = 2^31 + 1899, month = 1, day = 1})
tm({year = -2^31 + 1900, month = 1, day = 1}) tm({year = -2^31 + 1899, month = 1, day = 1})
tm({year = 2020, month = 1, day = 1, hour = 1.5}) tm({year = 2020, month = 1, day = 1, sec = "1e1"})
case("os.time", 5) case("os.time", "x") caseq("os.time", nil)
-- difftime
case("os.difftime", 5, 3) case("os.difftime", 5.0, 3) case("os.difftime", 5.5, 1) case("os.difftime", 5) case("os.difftime")
case("os.difftime", "10", "4") case("os.difftime", math.maxinteger, math.mininteger) case("os.difftime", 0, 1) case("os.difftime", {}, 1)
case("os.difftime", 2^53, -2^53) case("os.difftime", 1, nil)
-- setlocale (only the C locale)
case("os.setlocale") case("os.setlocale", "C") case("os.setlocale", "POSIX") case("os.setlocale", "fr_FR")
case("os.setlocale", nil, "numeric") case("os.setlocale", "C", "time") case("os.setlocale", "C", "bogus") case("os.setlocale", {})
case("os.setlocale", "C", "all") case("os.setlocale", "C", "collate") case("os.setlocale", "C", "ctype")
case("os.setlocale", "C", "monetary") case("os.setlocale", nil, nil) case("os.setlocale", "C", 5) case("os.setlocale", "C.UTF-8", "time")
case("os.setlocale") case("os.setlocale", nil, "time") case("os.setlocale", "C") case("os.setlocale", "xx_YY.UTF-8", "ctype")
case("os.setlocale", nil, "ctype") case("os.setlocale")  -- ("" depends on the environment)
-- files: failures that do not depend on the machine
case("os.remove", "/nonexistent/x") case("os.remove", "") case("os.remove") case("os.remove", {})
case("os.rename", "/nonexistent/x", "/nonexistent/y") case("os.rename", "") case("os.rename", "a") case("os.rename", "", "")
case("os.remove", "/etc/passwd/x") case("os.rename", "/etc/passwd/x", "/tmp/y")
case("os.execute", {})
case("os.getenv") case("os.getenv", {}) case("os.getenv", "LUAHOST_SURELY_NOT_SET_12345")
case("os.exit", "x") case("os.exit", {}) case("os.exit", 1.5)
