-- character classes over all 256 bytes (C locale)
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
local function members(cl)
  local out = {}
  for c in all:gmatch(cl) do out[#out + 1] = string.format("%02x", c:byte()) end
  return #out .. ": " .. table.concat(out, " ", 1, math.min(#out, 20)) .. (#out > 20 and " ..." or "")
end
for _, cl in ipairs{"%a", "%c", "%d", "%g", "%l", "%p", "%s", "%u", "%w", "%x", "%z", "%A", "%C", "%D", "%G", "%L",
  "%P", "%S", "%U", "%W", "%X", "%Z", ".", "%.", "%%", "%y", "[%a%d]", "[^%a%d]", "[%p%s]"} do
  print(cl, members(cl))
end
