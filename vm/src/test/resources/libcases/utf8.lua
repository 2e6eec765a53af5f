-- utf8 library cases (see gen.lua)
local strs = {"", "abc", "héllo", "\u{10FFFF}", "\u{7FFFFFFF}", "日本語", "a\xffb", "\x80ab", "ab\xc3", "a\xc3\xa9\x80",
  "\xed\xa0\x80", "\xed\xbf\xbf", "\xf4\x90\x80\x80", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\xa0\x80", "\xf0\x80\x80\x80",
  "\xf8\x88\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80", "\xfd\xbf\xbf\xbf\xbf\xbf", "\xfe\x80\x80\x80\x80\x80\x80", "\xff",
  "\xc3", "\xc3\xa9\xc3", "\0\1\127", "a\0é", "\xf0\x9f\x98\x80x", "\xef\xbb\xbf", "\xe2\x82", "\xf7\xbf\xbf\xbf"}
for _, s in ipairs(strs) do
  case("utf8.len", s) case("utf8.len", s, 1, -1, true) case("utf8.len", s, 2) case("utf8.len", s, -1) case("utf8.len", s, 1, 2)
  case("utf8.codepoint", s) case("utf8.codepoint", s, 1, -1) case("utf8.codepoint", s, 1, -1, true) case("utf8.codepoint", s, 2, 3)
  case("utf8.codepoint", s, -1)
  for n = -3, 4 do case("utf8.offset", s, n) end
  case("utf8.offset", s, 0, 2) case("utf8.offset", s, 1, 2) case("utf8.offset", s, -1, #s + 1) case("utf8.offset", s, 2, -2)
  case("utf8.offset", s, 0, #s + 1)
end
-- positions and bounds
for _, i in ipairs{-10, -4, -3, -1, 0, 1, 3, 4, 5, math.mininteger, math.maxinteger} do
  case("utf8.len", "abc", i) case("utf8.len", "abc", 1, i) case("utf8.codepoint", "abc", i) case("utf8.codepoint", "abc", 1, i)
  case("utf8.offset", "abc", 1, i) case("utf8.offset", "abc", -1, i) case("utf8.offset", "abc", 0, i)
end
case("utf8.len", "abc", 1.5) case("utf8.len", "abc", "2") case("utf8.len", "abc", "x") case("utf8.len", 123) case("utf8.len", 1.5)
case("utf8.len") case("utf8.len", nil) case("utf8.len", {}) case("utf8.len", "abc", 1, 3, nil) case("utf8.len", "abc", nil, nil)
case("utf8.codepoint") case("utf8.codepoint", 12) case("utf8.codepoint", "abc", 3, 2) case("utf8.codepoint", "abc", 1.5)
case("utf8.codepoint", "abc", nil, 2)
case("utf8.offset") case("utf8.offset", "abc") case("utf8.offset", "abc", 1.5) case("utf8.offset", "abc", "1") case("utf8.offset", 123, 2)
case("utf8.offset", "a\x80\x80b", 0, 3) case("utf8.offset", "a\x80\x80b", -1) case("utf8.offset", "a\x80\x80b", 2)
case("utf8.offset", "a\x80\x80b", 1, 2) case("utf8.offset", "\x80\x80", 0, 2) case("utf8.offset", "\x80\x80", -1)
-- char
for _, c in ipairs{0, 65, 127, 128, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 0x1FFFFF, 0x200000, 0x3FFFFFF,
                   0x4000000, 0x7FFFFFFF, 0x80000000, -1, math.mininteger, math.maxinteger, 0xD800, 65.0, "66", 1.5, "x", {}} do
  case("utf8.char", c)
end
case("utf8.char") case("utf8.char", 72, 228, 8364, 0x10FFFF) case("utf8.char", 72, -1) case("utf8.char", 72, nil)
-- codes: the iterator function is called directly with its control values
local iter = utf8.codes("")
local liter = utf8.codes("", true)
NAMED.iter, NAMED.liter = iter, liter
case("utf8.codes", "abc") case("utf8.codes", "abc", true) case("utf8.codes", 123) case("utf8.codes") case("utf8.codes", nil)
case("utf8.codes", {}) case("utf8.codes", "abc", false)
_G.ITER, _G.LITER = iter, liter
for _, s in ipairs(strs) do
  for _, i in ipairs{0, 1, 2, 3, 4, 5, 6, 7, -1, math.maxinteger, math.mininteger, 1.0, "2"} do
    case("ITER", s, i) case("LITER", s, i)
  end
end
-- (argument errors of the iterator name it by its global name, which the Java harness has not)
case("ITER", "abc") case("ITER", "abc", "x") case("ITER", "abc", 1.5) case("ITER", 123, 1)
