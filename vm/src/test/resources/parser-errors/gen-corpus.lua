-- For each file named on stdin (one path per line, relative to the repository
-- root), prints "<path>\t<message>" when lua5.4's loadfile rejects it (escaped
-- as in gen.lua). Files it accepts are not listed: ParserCorpusTest expects
-- every other .lua file under tests/corpus to parse.
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
  if not f then print(esc(path) .. "\t" .. esc(err)) end
end
