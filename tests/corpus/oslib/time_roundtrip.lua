-- os.time(os.date("*t", t)) == t
local ok = true
for t = -2000000000, 4000000000, 86413 * 37 do
  if os.time(os.date("*t", t)) ~= t then ok = false print("mismatch", t) end
end
print(ok)
for _, t in ipairs{0, 1, -1, 951782400, 1700000000, 253402300799} do
  local d = os.date("!*t", t)
  print(t, os.time(d), d.isdst)
end
