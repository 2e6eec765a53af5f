-- os.date("*t") and ("!*t")
local function show(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = k .. "=" .. tostring(t[k]) end
  return table.concat(out, " ")
end
for _, t in ipairs{0, -1, 1700000000, 951782400, 253402300799, -62167219200, 2^31} do
  print(show(os.date("!*t", t)))
  print(show(os.date("*t", t)))
end
print(type(os.date("*t")), type(os.date("!*t")), type(os.date("!*tabc", 0)), type(os.date("*t\0abc", 0)))
print(math.type(os.date("*t", 0).year), math.type(os.date("*t", 0).isdst))
