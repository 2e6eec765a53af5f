local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); P(name, table.unpack(r, 1, r.n)) end
P(("abc"):sub(2), ("abc"):sub(-2), ("abc"):sub(0), ("abc"):sub(3, 2), ("abc"):sub(-100, 100), ("abc"):sub(math.mininteger, math.maxinteger), ("abc"):sub(2, math.mininteger))
P(("abc"):byte(), ("abc"):byte(-1), ("abc"):byte(10), ("abc"):byte(1, 0), ("")
:byte())
P(string.char(), string.char(0, 255):byte(1, -1))
P(("x"):rep(0), ("x"):rep(-5), ("ab"):rep(3, ","), ("ab"):rep(1, ","), (""):rep(5))
P(("Hello"):upper(), ("Hello"):lower(), ("abc"):reverse(), (""):reverse(), ("abc"):len())
P(tostring(12), tostring(1.5), tostring(-0.0), tostring(1e100), tostring(2^63), tostring(math.mininteger), tostring(1/0), tostring(-1/0), tostring(0/0):gsub("-", ""))
P(1e15, 1e16, 123456789012345.0, 0.1, 1/3, 100.0, -100.0, 2^53, 1e300 * 1e10)
local fmts = {"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%X", "%#x", "%o", "%#o", "%c", "%e", "%.3e", "%E", "%f", "%.0f", "%#.0f", "%10.4f", "%g", "%.3g", "%#g", "%G", "%a", "%A", "%.2a", "%i", "%u"}
for _, f in ipairs(fmts) do local ok, r = pcall(string.format, f, 65); local ok2, r2 = pcall(string.format, f, 3.75); P(f, ok, r, ok2, r2) end
P(string.format("%s %s %s", 1, 1.0, true), string.format("%10s|%-10s|", "a", "b"), string.format("%.2s", "abc"), string.format("%5.1s|", "xyz"))
P(string.format("%q", 1/0), string.format("%q", -1/0), string.format("%q", 0/0), string.format("%q", math.mininteger), string.format("%q", 1.5), string.format("%q", 0.1), string.format("%q", 255), string.format("%q", 2^63))
P(string.format("%q", "a\nb\0c\"d\\e\r\t\1\0011\200"))
for _, v in ipairs{"\0001", "\r\n", "\127", "\255x", string.rep("\0", 3)} do assert(load("return " .. string.format("%q", v))() == v) end
for _, v in ipairs{1.5, 0.1, -0.0, 1e300, 2^-1074, math.pi, math.maxinteger, math.mininteger, 1/0, -1/0} do local b = load("return " .. string.format("%q", v))(); P("q", v, b == v, math.type(b)) end
T("q nan", function() return load("return " .. string.format("%q", 0/0))() ~= load("return " .. string.format("%q", 0/0))() end)
T("q table", string.format, "%q", {})
T("q fn", string.format, "%q", print)
T("q mod", string.format, "%10q", "x")
P(string.format("%q", true), string.format("%q", nil), string.format("%q", false))
T("fmt s no tostring", string.format, "%s", setmetatable({}, {__tostring = function() return "TS" end}))
T("fmt long", string.format, "%099d", 1)
T("fmt too long", string.format, "%0100d", 1)
T("fmt prec too long", string.format, "%.100f", 1)
T("fmt %.99f", function() return #string.format("%.99f", 1) end)
P(pcall(string.format, "%5%"))
P(string.format("%.14g", 0.1), string.format("%.17g", 0.1), string.format("%.20f", 0.1))
P(string.format("%d", 3.0), pcall(string.format, "%d", 3.5), pcall(string.format, "%d", "3"), pcall(string.format, "%x", -1))
P(string.format("%s", 1e100), string.format("%.3f", 2^63), string.format("%x", math.mininteger))
P(pcall(string.format, "%-+ #0d", 5))
T("fmt flags repeat", string.format, "%--5d", 5)
P(#string.format("%s", string.rep("x", 1000)), pcall(string.format, "%.3s", "\0\0\0\0"))
P(tostring(nil), tostring(true), tonumber("0x10"), tonumber("  10  "), tonumber("10e"), tonumber("1e1"), tonumber("0x1p4"), tonumber(""), tonumber(" "), tonumber("0x"), tonumber("1 2"))
P(tonumber("z", 36), tonumber("Z", 36), tonumber("ff", 16), tonumber("-ff", 16), tonumber("7fffffffffffffff", 16), tonumber("ffffffffffffffff", 16), tonumber("1.0", 10), tonumber("  -11 ", 2), tonumber("8", 8))
P(tonumber("inf"), tonumber("nan"), tonumber("1e500"), tonumber("-0"), tonumber("0x.1"), tonumber(".5"), tonumber("5."), tonumber("0x1P-2"), tonumber("\t0x10\n"))
P(math.type(tonumber("9223372036854775807")), tonumber("9223372036854775808"), tonumber("-9223372036854775808"), math.type(tonumber("-9223372036854775808")), tonumber("-9223372036854775809"))
P("10" + 0, "0x10" + 0, "1e1" + 0, "10" * "2", 10 .. 20, "3" // 2, "3.0" // 2, - "2", - "2.0")
T("coerce bad", function() return "abc" + 1 end)
P(#"\u{10FFFF}", ("\u{7FFFFFFF}"):len(), "\x41\65\z
      B")
P(("x"):format(), string.len("\0\0"))
-- comparisons
P("a" < "b", "a" < "ab", "" < "a", "a\0b" < "a\0c", "Z" < "a", "a\0" > "a")
-- string.rep big
P(#string.rep("ab", 1e6, ","))
-- concat numbers
P(1 .. "", 1.0 .. "", -0.0 .. "", 2^63 .. "", math.mininteger .. "")
-- string methods via metatable
P(("%d"):format(5), #getmetatable("").__index == nil)
local smt = getmetatable("")
P(smt.__index == string, rawequal(smt.__index, string))
-- string.len with embedded zeros, find plain
P(("a.b"):find(".", 1, true), ("a.b"):find("."), ("abc"):find("", 10), ("abc"):find("", 4), ("abc"):find("", -10))
P(("abc"):find("b", -1), ("abc"):find("b", -2), ("abc"):match("()", 4), ("abc"):match("()", 5))
