-- For each file named on stdin (one path per line, relative to the repository
-- root), prints "<path>\t<size>\t<outcome>": the outcome is "OK" if lua5.4's
-- loadfile accepts it, else the error message (escaped as in gen.lua). The size
-- lets the test skip files that changed since the last regeneration.
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
  local fh = assert(io.open(path, "rb"))
  local size = #fh:read("a")
  fh:close()
  local f, err = loadfile(path)
  print(esc(path) .. "\t" .. size .. "\t" .. esc(f and "OK" or err))
end
