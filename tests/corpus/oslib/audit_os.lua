-- Audit of the library against lua5.4: each line below is an expression (or a
-- statement); the case prints what pcall gives for it, so results and error
-- messages are compared with the reference line by line.

local function show(v)
  local t = type(v)
  if t == "table" or t == "function" or t == "userdata" or t == "thread" then return t end
  if t == "string" then return string.format("%q", v) end
  return tostring(v)
end
local probes = [==[
os.time({year = 2020, month = 1, day = 1, hour = 0})
os.time({year = 2020, month = 13, day = 1, hour = 0})
os.time({year = 2020, month = 1, day = 0})
os.time({year = 2020, month = 1, day = 1, hour = 25, min = -5, sec = 3600})
os.time({year = 2020})
os.time({year = 2020, month = 1})
os.time({year = "2020", month = "1", day = "1"})
os.time({year = 2020.5, month = 1, day = 1})
os.time({year = 1e20, month = 1, day = 1})
os.time({year = -2^31, month = 1, day = 1})
os.time({year = 2020, month = 1, day = 1, isdst = true})
os.time(1)
os.date("%Y-%m-%d %H:%M:%S", 0)
os.date("!%Y-%m-%d %H:%M:%S", 0)
os.date("!%c", 0)
os.date("!%x %X %p %A %a %B %b %j %U %W %w %y %Z %%", 86400 * 45)
os.date("!%D %e %F %g %G %h %I %n %r %R %t %T %u %V %C", 86400 * 400)
os.date("!%Ec %EC %Ex %EX %Ey %EY %Od %Oe %OH %OI %Om %OM %OS %Ou %OU %OV %Ow %OW %Oy", 0)
os.date("!%q", 0)
os.date("!%E", 0)
os.date("!%", 0)
os.date("!*t", 3600).hour
os.date("*t", 0).isdst
(function() local t = os.date("!*t", 86400 * 365) return t.year, t.month, t.day, t.yday, t.wday, t.hour, t.min, t.sec, t.isdst end)()
os.date("!%H", 1.5)
os.date("!%H", "10")
os.date("!%H", 2^60)
os.date(1)
os.date("!%s", 100)
type(os.date())
os.difftime(10, 5)
os.difftime(10)
os.difftime(10.5, 5)
os.difftime()
os.getenv("HOME") ~= nil
os.getenv("NONEXISTENT_VAR_X")
os.getenv()
os.remove("/nonexistent/x")
os.rename("/nonexistent/x", "/nonexistent/y")
os.remove("/")
os.setlocale()
os.setlocale("C")
os.setlocale("xx_YY")
os.setlocale(nil, "all")
os.setlocale("C", "bogus")
os.setlocale("", "numeric")
type(os.clock())
type(os.tmpname())
os.execute()
os.execute("exit 3")
os.execute("kill -9 $$")
os.exit == nil
]==]
for line in probes:gmatch("[^\n]+") do
  local f = load("return " .. line, "=probe") or load(line, "=probe")
  local r = table.pack(pcall(f))
  local out = {}
  for i = 1, r.n do out[#out + 1] = show(r[i]) end
  print(line, "=>", table.concat(out, ", "))
end

