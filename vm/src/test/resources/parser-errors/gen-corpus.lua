-- For each file named on stdin (one path per line, relative to the repository
-- root), prints "<path>\t<outcome>": "OK" if lua5.4's loadfile accepts it,
-- else the error message (escaped as in gen.lua).
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
for path in io.lines() do
  local f, err = loadfile(path)
  print(esc(path) .. "\t" .. esc(f and "OK" or err))
end
