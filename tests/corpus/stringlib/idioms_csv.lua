-- a small CSV parser with quoted fields
local function parse_csv_line(line)
  local res, pos = {}, 1
  while true do
    if line:sub(pos, pos) == '"' then
      local txt, i = "", pos + 1
      while true do
        local a, b = line:find('"', i, true)
        if not a then error("unterminated quote") end
        txt = txt .. line:sub(i, a - 1)
        if line:sub(b + 1, b + 1) == '"' then txt = txt .. '"'; i = b + 2 else pos = b + 1; break end
      end
      res[#res + 1] = txt
      if line:sub(pos, pos) == "," then pos = pos + 1 else break end
    else
      local a = line:find(",", pos, true)
      if a then res[#res + 1] = line:sub(pos, a - 1); pos = a + 1
      else res[#res + 1] = line:sub(pos); break end
    end
  end
  return res
end
for _, line in ipairs{'a,b,c', '"x,y",2,"say ""hi"""', ',,', '', 'single', '"",""'} do
  local f = parse_csv_line(line)
  local shown = {}
  for i, v in ipairs(f) do shown[i] = string.format("%q", v) end
  print(#f, table.concat(shown, " "))
end
print(pcall(parse_csv_line, '"open'))
