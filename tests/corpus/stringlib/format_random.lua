-- many pseudo-random doubles through every float conversion
local seed = 987654321
local function rnd() seed = (seed * 6364136223846793005 + 1442695040888963407); return seed end
local specs = {"%.17g", "%.14g", "%g", "%.3g", "%e", "%.10e", "%.0e", "%f", "%.2f", "%.10f", "%a", "%.3a", "%.20g", "%.25e"}
for i = 1, 300 do
  local bits = rnd()
  local v = string.unpack("<d", string.pack("<i8", bits))
  if i % 3 == 0 then v = (bits % 2000001 - 1000000) / 997 end
  if i % 5 == 0 then v = (bits % 1000) * tonumber("1e" .. (bits % 41 - 20)) end
  local parts = {}
  for _, spec in ipairs(specs) do
    if spec:find("f") and (v ~= v or math.abs(v) > 1e40) then parts[#parts + 1] = "-"
    else parts[#parts + 1] = string.format(spec, v) end
  end
  print(table.concat(parts, " "))
end
