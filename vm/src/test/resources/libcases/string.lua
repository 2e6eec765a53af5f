-- string library cases (see gen.lua): lua5.4 gen.lua string.lua > string.cases
-- string.format is in format.lua (it has many more cases).
local inf, nan = math.huge, 0/0

-- len, lower, upper, reverse
for _, s in ipairs{"", "a", "Hello, World!", "\0\1\255", "ÀéÎ", "MiXeD 123 _x_", 12, 1.5, -0.0} do
  case("string.len", s) case("string.lower", s) case("string.upper", s) case("string.reverse", s)
end
case("string.len") case("string.lower", nil) case("string.upper", {}) case("string.reverse", true)
local all = {} for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
case("string.lower", all) case("string.upper", all)

-- sub and byte: every index rule
local idx = {0, 1, 2, 3, 5, 6, 7, 100, -1, -2, -5, -6, -7, -100, math.maxinteger, math.mininteger, 2.0, "3", nil}
for _, i in ipairs(idx) do
  for _, j in ipairs(idx) do
    case("string.sub", "hello!", i, j)
    case("string.byte", "hello!", i, j)
  end
  case("string.sub", "hello!", i)
  case("string.byte", "hello!", i)
end
case("string.sub", "") case("string.sub", "abc") case("string.sub", "abc", 1.5) case("string.sub", "abc", "x")
case("string.sub", "abc", 1, {}) case("string.sub", {}, 1) case("string.sub", 12345, 2, 4) case("string.sub", 1.25, 2)
case("string.byte", "") case("string.byte", "A") case("string.byte", "abc", 1.5) case("string.byte", 42) case("string.byte")

-- char
case("string.char") case("string.char", 65) case("string.char", 72, 105, 0, 255) case("string.char", 256)
case("string.char", -1) case("string.char", 65, 256) case("string.char", "66", 67.0) case("string.char", 1.5)
case("string.char", "x") case("string.char", 65, nil) case("string.char", math.mininteger) case("string.char", {})

-- rep
for _, n in ipairs{-1, 0, 1, 2, 5, 2.0, "3"} do
  for _, sep in ipairs{nil, "", ",", "--"} do
    case("string.rep", "ab", n, sep) case("string.rep", "", n, sep)
  end
end
case("string.rep", "x", 2^31) case("string.rep", "x", 1.5) case("string.rep", "x") case("string.rep")
case("string.rep", "abc", math.maxinteger) case("string.rep", "a", 3, 4)
case("string.rep", "x", 2^40, "y") case("string.rep", 7, 3)

-- find and match: plain, specials, init rules
local subjects = {"", "hello world", "aaa", "a.b+c", "[x]", "one two  three", "\0a\0b", "key = value ; k2=v2"}
local pats = {"", "o", "l+", "^h", "d$", "^$", "%.", ".", "a*", "a-", "a?b", "(o)", "()o()", "%s+", "%a+", "[%w_]+",
  "[^%s]+", "%f[%w]%w+", "%bab", "(a)(a)", "(l)%1", "^(%a+)", "x*$", "%z", "[%z]", "%0", ".-", "(.-)%s", "%w+%s*=%s*%w+",
  "[a-c]", "[c-a]", "[]]", "[^]]", "[a-]", "[-a]", "[%]]", "[%a-z]", "+", "*", "?", "-", "$a", "a$", "%$", "%^"}
for _, s in ipairs(subjects) do
  for _, p in ipairs(pats) do
    case("string.find", s, p) case("string.match", s, p)
  end
end
for _, init in ipairs{-100, -3, -1, 0, 1, 2, 5, 11, 12, 13, 100, math.mininteger, math.maxinteger, 1.0, "2"} do
  case("string.find", "hello world", "o", init) case("string.find", "hello world", "", init)
  case("string.find", "hello world", "o", init, true) case("string.match", "hello world", "()", init)
  case("string.find", "hello world", "l+", init) case("string.match", "hello world", "^.", init)
end
for _, plain in ipairs{true, false, 1, "x", nil} do
  case("string.find", "a.b+c", ".", 1, plain) case("string.find", "a.b+c", "+c", 1, plain)
  case("string.find", "a%b", "%", 1, plain) case("string.find", "a(b", "(", 1, plain)
end
case("string.find", "abc") case("string.find") case("string.find", "abc", "b", 1.5) case("string.find", {}, "a")
case("string.find", 12345, 34) case("string.find", 1.5, ".") case("string.match", 123, "%d") case("string.match", "x", 1)
-- pattern errors
for _, p in ipairs{"%", "[a", "[", "[]", "[^]", "[a%", "%f", "%fa", "%f[a", "%b", "%ba", "(%1)", "%1", "(a)%2", "(a%1)",
  "a)", ")", "(a", "((a)", "(()", "%g%", "[%", "[%a", "x%", "(a)%0", "%9"} do
  case("string.find", "abc", p) case("string.match", "abc", p) case("string.gsub", "abc", p, "x")
end
case("string.find", "abc", string.rep("(", 32) .. "a" .. string.rep(")", 32))
case("string.find", "abc", string.rep("(", 33) .. "a" .. string.rep(")", 33))
case("string.match", string.rep("a", 40), string.rep("(a)", 32))
case("string.match", string.rep("a", 300), string.rep("a?", 300))
case("string.match", string.rep("a", 300), string.rep("a?", 199))
case("string.match", string.rep("a", 300), string.rep("a?", 200))
case("string.match", string.rep("a", 300), string.rep("a-", 198) .. "$")
case("string.match", string.rep("a", 300), string.rep("a-", 199) .. "$")
case("string.match", string.rep("a", 300), string.rep("(", 100) .. "a*" .. string.rep(")", 100))
case("string.match", string.rep("a", 5000), ".-b")
case("string.match", string.rep("a", 5000) .. "b", "(a*)(.*)")
case("string.match", string.rep("ab", 3000), "^(.-)b$")
-- character classes on every byte
for _, cl in ipairs{"%a", "%c", "%d", "%g", "%l", "%p", "%s", "%u", "%w", "%x", "%A", "%C", "%D", "%G", "%L", "%P",
  "%S", "%U", "%W", "%X", ".", "[%p%s]", "[^%d%l]", "[A-Fa-f0-9]", "%y", "%%", "%.", "%[", "%-"} do
  case("string.gsub", all, cl, "")
end

-- gsub
local repls = {"", "x", "%0", "%1", "%2", "<%0>", "%%", "%", "%x", "a%", "[%1|%0]", 5, 2.5, {}, {a="A", b=true, c=false},
  {hello="HI", world=1}, true, nil}
local gpats = {"", "a", "l", "o", "%w+", "(%w+)", "(l)(l)", "()", "^h", "$", "x*", "(h)(e)", "%s*", "[aeiou]"}
for _, s in ipairs{"hello world", "banana", ""} do
  for _, p in ipairs(gpats) do
    for _, r in ipairs(repls) do case("string.gsub", s, p, r) end
  end
end
for _, n in ipairs{-1, 0, 1, 2, 3, 100, 1.0, 1.5, "2", "x", math.maxinteger, math.mininteger} do
  case("string.gsub", "aaaa", "a", "b", n) case("string.gsub", "abc", "", "-", n)
end
case("string.gsub", "abc", "%w", "%0%0") case("string.gsub", "abc", "(b)()", {b="X"}) case("string.gsub", "abc", "b", {b={}})
case("string.gsub", "abc", "b") case("string.gsub", "abc") case("string.gsub") case("string.gsub", "a", "a", true, "x")
case("string.gsub", "abc", ".", {a=1, b=2.5}) case("string.gsub", "abc", "()", {[1]="one", [4]="four"})
case("string.gsub", "hello", "(l)", "%1%1", 1) case("string.gsub", "x=1, y=2", "(%w+)=(%w+)", "%2=%1")
case("string.gsub", "abc", "b", "\0") case("string.gsub", "a\0b", "%z", "Z") case("string.gsub", "abc", ".", "%\0")
case("string.gsub", "abc", "b", NAMED.yes) case("string.gsub", "abc", "b", NAMED.no) case("string.gsub", "abc", "b", NAMED.nilcmp)
case("string.gsub", "abc", "b", NAMED.boom) case("string.gsub", 12345, 3, 9) case("string.gsub", "a b", " ", 1.0)

-- pack / packsize / unpack
local fmts = {"b", "B", "h", "H", "i", "I", "l", "L", "j", "J", "T", "i1", "I1", "i2", "i3", "I3", "i5", "i7", "I7",
  "i8", "i9", "I9", "i16", "I16", ">i4", "<i4", "=i4", ">I3", ">i16", "<i16"}
local ints = {0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769, 65535, 65536, 2^31 - 1, 2^31,
  -2^31, -2^31 - 1, 2^32 - 1, 2^32, 2^40, math.maxinteger, math.mininteger, 3.0, 3.5, "17", "x"}
for _, f in ipairs(fmts) do
  case("string.packsize", f)
  for _, v in ipairs(ints) do case("string.pack", f, v) end
end
for _, f in ipairs{"f", "d", "n", ">f", ">d", "<d", "=n"} do
  for _, v in ipairs{0, -0.0, 1, -1.5, 0.1, 1/3, 1e300, 1e-300, 5e-324, inf, -inf, nan, 3, "2.5", "x", 2^24 + 1, 1e39} do
    case("string.pack", f, v)
  end
end
for _, f in ipairs{"z", "s", "s1", "s2", ">s2", "s4", "c0", "c1", "c3", "c5", "c10"} do
  for _, v in ipairs{"", "a", "abc", "a\0b", string.rep("x", 255), string.rep("y", 256), 12, {}} do case("string.pack", f, v) end
end
local fmtlist = {"", " ", "i4i8", "!i1i8", "!4i1i8", "!2i1i8", "!i1d", "!8i1Xi8", "i1Xi8", "!8i1Xi2", "!i1X", "i1X",
  "!i1Xc1", "!4i1Xi3", "!4 i1 Xi16", "i1 X z", "!i1 Xi4 i1", "xxi2x", "!xd", "!2xd", "c3!4i4", "cc", "c", "i17", "i0",
  "!3i4", "!17", "!0", "y", "s0", "<!8 i1 Xi8", ">!4 h x i4", "=!16 i16 d", "bhilj", "!bhilj", "!8 b d b d",
  "i1 X i4", "c2147483647", "c1073741823c1073741824", "c1073741824c1073741824", "c99999999999", "i999999999999",
  "c2147483630c2147483630", "s", "z", "!4 z i4", "Xi4", "X", "x X", "d X d"}
for _, f in ipairs(fmtlist) do case("string.packsize", f) end
for _, f in ipairs(fmtlist) do
  if not f:find("%d%d%d%d%d%d") then case("string.pack", f, 1, 2, 3, 4, 5, 6) end
end
local data = "\1\2\3\4\5\6\7\8\9\10\11\12\13\14\15\16\17\18\19\20\21\22\23\24\255\254\253\252\251\250\249\248\0abc\0"
for _, f in ipairs(fmts) do
  for _, init in ipairs{nil, 1, 2, 25, 33, 38, 39, 40, 41, -1, -8, -100, 0, math.mininteger} do case("string.unpack", f, data, init) end
end
for _, f in ipairs(fmtlist) do case("string.unpack", f, data) case("string.unpack", f, data, 30) end
for _, f in ipairs{"f", "d", "n", ">f", ">d", "z", "s1", "s2", ">s1", "c3", "c0", "zz", "z z z", "s1s1", "bxbxb"} do
  for _, init in ipairs{nil, 2, 25, 33, 34, 37, 38} do case("string.unpack", f, data, init) end
end
case("string.unpack", "i16", string.rep("\255", 16)) case("string.unpack", "i16", "\1" .. string.rep("\0", 14) .. "\1")
case("string.unpack", "I9", string.rep("\255", 9)) case("string.unpack", "i9", string.rep("\255", 8) .. "\127")
case("string.unpack", "i9", string.rep("\0", 8) .. "\128") case("string.unpack", ">i9", "\255" .. string.rep("\128", 8))
case("string.unpack", ">I9", "\0" .. string.rep("\255", 8)) case("string.unpack", "<i12", string.rep("\0", 7) .. "\128\255\255\255\255")
case("string.unpack", "<i12", string.rep("\0", 7) .. "\128\255\255\255\254") case("string.unpack", "I8", string.rep("\255", 8))
case("string.unpack", "s1", "\5abcd") case("string.unpack", "s1", "\3abcd") case("string.unpack", "z", "abc")
case("string.unpack", "i4") case("string.unpack") case("string.unpack", "i4", "abcd", "x") case("string.unpack", "i4", 1234)
case("string.pack") case("string.pack", "i4") case("string.pack", "i4i4", 1) case("string.pack", "z") case("string.pack", 14, 1)
case("string.packsize") case("string.packsize", 4) case("string.pack", "i4", nil) case("string.pack", "d", {})

-- metamethod arithmetic through the string metatable
local mt = getmetatable("")
for _, op in ipairs{"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__idiv", "__unm"} do
  _G["strmt" .. op] = mt[op]
  for _, p in ipairs{{"10", 3}, {"10", "3"}, {3, "10"}, {"0x10", "1e1"}, {" 5 ", "2"}, {"7", "0"}, {"7", 0}, {"7.0", "0"},
    {"abc", 1}, {1, "abc"}, {"1", {}}, {{}, "1"}, {"1", true}, {nil, "1"}, {"1", nil}, {"5"}, {}, {"x"}, {"3", "-2"},
    {math.mininteger, "-1"}, {"9007199254740993", "0"}, {"1e308", "1e308"}} do
    case("strmt" .. op, table.unpack(p, 1, 2))
  end
  case("strmt" .. op, "5") case("strmt" .. op)
end
