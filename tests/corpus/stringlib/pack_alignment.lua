-- alignment with '!' and 'X', padding with 'x'
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local cases = {
  {"!i1i8", 1, 2}, {"!4i1i8", 1, 2}, {"!2i1i8", 1, 2}, {"!i1d", 1, 2}, {"!8 i1 Xi8", 1}, {"i1Xi8", 1},
  {"!4 i1 Xi2 i1", 1, 2}, {"!i1Xi4i1", 1, 2}, {"xxi2x", 3}, {"!xd", 2}, {"!2xd", 2}, {"c3!4i4", "abc", 1},
  {">!4 h x i4", 1, 2}, {"=!16 i16 d", 1, 2}, {"!8 b d b d", 1, 2, 3, 4}, {"bhilj", 1, 2, 3, 4, 5}, {"!bhilj", 1, 2, 3, 4, 5},
  {"!4 z i4", "ab", 1}, {"!4 s1 i4", "ab", 1}, {"i1 X", 1}, {"!i1 Xc1", 1}, {"!4 i1 Xi3", 1}, {"!3 i4", 1}, {"i1 X z", 1},
  {"i1 X i4", 1},
}
for _, c in ipairs(cases) do
  local ok, p = pcall(string.pack, table.unpack(c))
  if ok then
    print(c[1], hex(p), string.packsize((c[1]:gsub("[zs]1?", ""))), string.unpack(c[1], p))
  else
    print(c[1], p)
  end
end
