-- sequences at the length boundaries, and truncated sequences
for _, cp in ipairs{0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x1FFFFF, 0x200000, 0x3FFFFFF, 0x4000000, 0x7FFFFFFF} do
  local s = utf8.char(cp)
  local trunc = s:sub(1, -2)
  print(string.format("%X", cp), #s, utf8.len(s, 1, -1, true), utf8.len(trunc, 1, -1, true), utf8.offset(s .. "x", 2))
end
