-- extracting numbers with patterns and formatting them back
local text = "temp=-12.5C, humidity=45%, pressure=1013.25hPa, count=7, hex=0x1F, sci=6.02e23"
for key, num in text:gmatch("(%a+)=([%-%d%.xXa-fA-Fe]+)") do
  local n = tonumber(num) or tonumber((num:gsub("[^%d%.%-]", "")))
  print(key, num, n, math.type(n), string.format("%.3g|%8.2f|%e", n, n, n))
end
local total = 0
for n in ("1 2 3 4.5 -6"):gmatch("%-?%d+%.?%d*") do total = total + tonumber(n) end
print(total)
print(("%5.1f%%"):format(99.95), ("%5.1f%%"):format(99.94), ("%.2f"):format(2.675), ("%.0f"):format(0.5))
