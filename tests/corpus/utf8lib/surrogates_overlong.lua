-- surrogates are invalid unless lax; overlong encodings are always invalid
local cases = {"\xed\x9f\xbf", "\xed\xa0\x80", "\xed\xaf\xbf", "\xed\xb0\x80", "\xed\xbf\xbf", "\xee\x80\x80",
  "\xc0\x80", "\xc1\xbf", "\xc2\x80", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xe0\xa0\x80", "\xf0\x80\x80\x80",
  "\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80"}
for _, s in ipairs(cases) do
  local bytes = table.concat({s:byte(1, -1)}, ",")
  print(bytes, utf8.len(s), utf8.len(s, 1, -1, true), pcall(utf8.codepoint, s))
end
