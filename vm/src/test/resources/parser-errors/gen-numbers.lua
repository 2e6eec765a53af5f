-- Prints "<string>\t<math.type>\t<value>" for every string of numbers.lua,
-- escaped as in gen.lua; integers with %d, floats with %a (exact), or inf/-inf.
local function esc(s)
  local out = {}
  for i = 1, #s do
    local b = s:byte(i)
    if b == 92 then out[#out + 1] = "\\\\"
    elseif b < 32 or b > 126 then out[#out + 1] = string.format("\\x%02X", b)
    else out[#out + 1] = string.char(b) end
  end
  return table.concat(out)
end
for _, s in ipairs(dofile(arg[1])) do
  local v = tonumber(s)
  local kind = math.type(v) or "nil"
  local text = "nil"
  if kind == "integer" then text = string.format("%d", v)
  elseif kind == "float" then
    if v == math.huge then text = "inf" elseif v == -math.huge then text = "-inf"
    else text = string.format("%a", v) end
  end
  print(esc(s) .. "\t" .. kind .. "\t" .. text)
end
