-- os.date() formats the current time, which changes between runs: check the shape only.
print(os.date():match("^%a%a%a %a%a%a [ %d]%d %d%d:%d%d:%d%d %d%d%d%d$") ~= nil)
print(os.date("%Y-%m-%d"):match("^%d%d%d%d%-%d%d%-%d%d$") ~= nil)
print(os.date("!%H:%M:%S"):match("^%d%d:%d%d:%d%d$") ~= nil)
local t = os.date("*t")
print(type(t.year), t.month >= 1 and t.month <= 12, t.day >= 1 and t.day <= 31, type(t.isdst))
print(os.date("%Z"), os.date("!%Z"), os.date("%z"))
