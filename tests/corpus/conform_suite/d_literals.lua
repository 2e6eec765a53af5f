-- conform_suite (part D): the lexer: escapes, long brackets, line ends, numerals, names, chunk names;
-- self-checking, written from the manual (3.1) and checked against lua5.4.
local failed = 0
local function T(name, f)
  local ok, msg = pcall(f)
  if ok then print("ok   " .. name) else failed = failed + 1; print("FAIL " .. name .. ": " .. tostring(msg)) end
end
local function is(got, want, what)
  assert(got == want, (what and what .. ": " or "") .. "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]")
end
-- value of an expression in source text, or the compile error
local function V(src) local f, e = load("return " .. src, "=c"); if not f then return nil, e end; return f() end
local function CE(src) local f, e = load(src, "=c"); assert(not f, "compiled: " .. src); return e end
local function RE(src) local f = assert(load(src, "=c")); local ok, e = pcall(f); assert(not ok); return e end

T("escapes", function()
  is(V[["\a\b\f\n\r\t\v\\\"\'"]], "\7\8\12\10\13\9\11\92\34\39")
  is(V[['\'']], "'"); is(V[["'"]], "'"); is(V[['"']], '"')
  is(V("'\\z   \n\t  abc'"), "abc"); is(V[["a\z  b"]], "ab"); is(V("'a\\z'"), "a")
  is(V[["\x41\x4a\x4A\x00\xff"]], "AJJ\0\255")
  is(V[["\65\0659\255\0\00\000\0001"]], "AA9\255\0\0\0\0" .. "1")
  is(V[["\1234"]], "{4")
  is(V[["\u{41}\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"]],
     "A\0\127\194\128\223\191\224\160\128\239\191\191\240\144\128\128\244\143\191\191")
  is(V[["\u{110000}\u{1FFFFF}\u{200000}\u{3FFFFFF}\u{4000000}\u{7FFFFFFF}"]],
     "\244\144\128\128\247\191\191\191\248\136\128\128\128\251\191\191\191\191\252\132\128\128\128\128\253\191\191\191\191\191")
  is(V[["\u{D800}\u{DFFF}"]], "\237\160\128\237\191\191")   -- surrogates are encoded like any value
  is(V[["\u{0000000000041}"]], "A")
  -- a backslash before a line end keeps one newline, whatever the line end
  is(V("'\\\nx'"), "\nx"); is(V("'\\\r\nx'"), "\nx"); is(V("'\\\n\rx'"), "\nx"); is(V("'\\\rx'"), "\nx")
  is(V("'\\\r\rx'"), nil)
end)

T("escape errors name the text read so far", function()
  is(select(2, V[["\x4"]]), [[c:1: hexadecimal digit expected near '"\x4"']])
  is(select(2, V[["\x"]]), [[c:1: hexadecimal digit expected near '"\x"']])
  is(select(2, V[["\xg0"]]), [[c:1: hexadecimal digit expected near '"\xg']])
  is(select(2, V[["\u{80000000}"]]), [[c:1: UTF-8 value too large near '"\u{80000000']])
  is(select(2, V[["\u{}"]]), [[c:1: hexadecimal digit expected near '"\u{}']])
  is(select(2, V[["\u41"]]), [[c:1: missing '{' near '"\u4']])
  is(select(2, V[["\u{41"]]), [[c:1: missing '}' near '"\u{41"']])
  is(select(2, V[["\u{41x}"]]), [[c:1: missing '}' near '"\u{41x']])
  is(select(2, V[["\256"]]), [[c:1: decimal escape too large near '"\256"']])
  is(select(2, V[["\999"]]), [[c:1: decimal escape too large near '"\999"']])
  is(select(2, V[["ab\65\300x"]]), [[c:1: decimal escape too large near '"abA\300x']])
  is(select(2, V[["\q"]]), [[c:1: invalid escape sequence near '"\q']])
  is(select(2, V[["a\ b"]]), [[c:1: invalid escape sequence near '"a\ ']])
  is(select(2, V[["abc]]), "c:1: unfinished string near <eof>")
  is(select(2, V("'abc\ndef'")), "c:1: unfinished string near ''abc'")
  is(select(2, V("'abc\rdef'")), "c:1: unfinished string near ''abc'")
  is(select(2, V("'\\\r\rx'")), "c:2: unfinished string near ''\n'")
  is(select(2, V('"abc\\')), "c:1: unfinished string near <eof>")
end)

T("long strings and comments", function()
  is(V("[[\nfirst]]"), "first"); is(V("[[\r\nfirst]]"), "first"); is(V("[[\n\rfirst]]"), "first")
  is(V("[[\rfirst]]"), "first"); is(V("[[\n\nsecond]]"), "\nsecond"); is(V("[[\r\rx]]"), "\nx")
  is(V("[[a\r\nb\n\rc\rd\ne]]"), "a\nb\nc\nd\ne")   -- every line end becomes \n
  is(V("[==[a]]b]=]c]==]"), "a]]b]=]c"); is(V("[[a\\nb]]"), "a\\nb"); is(V("[=[]]]=]"), "]]")
  is(V("[[]]"), ""); is(V("[==[\n]==]"), "")
  is(select(2, V("[=[x")), "c:1: unfinished long string (starting at line 1) near <eof>")
  is(select(2, V("\n\n[[x\n\n")), "c:5: unfinished long string (starting at line 3) near <eof>")
  is(select(2, V("[==x")), "c:1: invalid long string delimiter near '[=='")
  is(select(2, V("[= [x]=]")), "c:1: invalid long string delimiter near '[='")
  is(V("--[==[ comment ]] ]=] ]==] 1"), 1)
  is(V("1 --[[\n\n]] + 1"), 2)
  is(V("1 -- [[ not long\n + 2"), 3)
  is(V("1 --[=x\n + 3"), 4)     -- not a long bracket: a line comment
  is(CE("--[[ unfinished"), "c:1: unfinished long comment (starting at line 1) near <eof>")
  is(CE("x = 1\n--[==[\n]=]\n"), "c:4: unfinished long comment (starting at line 2) near <eof>")
end)

T("line ends are counted as lua5.4 counts them", function()
  -- \n, \r, \r\n and \n\r are one line end each; \n\n and \r\r are two
  is(RE("return 1\n\n\n+ nil"), "c:4: attempt to perform arithmetic on a nil value")
  is(RE("return 1\r\r\r+ nil"), "c:4: attempt to perform arithmetic on a nil value")
  is(RE("return 1\r\n\r\n+ nil"), "c:3: attempt to perform arithmetic on a nil value")
  is(RE("return 1\n\r\n\r+ nil"), "c:3: attempt to perform arithmetic on a nil value")
  is(RE("return 1\r\n\n\r+ nil"), "c:3: attempt to perform arithmetic on a nil value")
  is(RE("return 1\n\r\r\n+ nil"), "c:3: attempt to perform arithmetic on a nil value")
  is(RE("return [[\n\n]] + nil"), "c:3: attempt to add a 'string' with a 'nil'")
  is(RE("return '\\\n\\\n' + nil"), "c:3: attempt to add a 'string' with a 'nil'")
  is(RE("--\n--\r\n--\n\rreturn nil + 1"), "c:4: attempt to perform arithmetic on a nil value")
  is(RE("--[[\r\n\r\n]] return nil + 1"), "c:3: attempt to perform arithmetic on a nil value")
  is(CE("x = 1\r\ny = = 2"), "c:2: unexpected symbol near '='")
  is(CE("x = 1\n\ry = = 2"), "c:2: unexpected symbol near '='")
  local f = assert(load("\r\n\r\nreturn debug.getinfo(1, 'l').currentline", "=c"))
  is(f(), 3)
end)

T("numerals", function()
  is(V("0x10"), 16); is(V("0xA.8p1"), 21.0); is(V("0x.1p4"), 1.0); is(V("1e10"), 1e10); is(V("1E+2"), 100.0)
  is(V(".5"), 0.5); is(V("5."), 5.0); is(V("3e-2"), 0.03); is(V("0x1P+4"), 16.0); is(V("0X1p-2"), 0.25)
  is(V("08"), 8); is(V("0e0"), 0.0); is(V("0x0p0"), 0.0); is(math.type(V("0x0p0")), "float")
  is(V("0xffffffffffffffff"), -1); is(V("0x7fffffffffffffff"), math.maxinteger)
  is(V("0x10000000000000000"), 0); is(V("0x1ffffffffffffffff"), -1)   -- hex integers wrap around
  is(V("9223372036854775807"), math.maxinteger)
  is(math.type(V("9223372036854775808")), "float"); is(V("9223372036854775808"), 2^63)
  is(V("18446744073709551616"), 2^64)
  is(V("1e400"), math.huge); is(V("-1e400"), -math.huge); is(V("0x1p-1080"), 0.0); is(V("1e309"), math.huge)
  is(V("2^53 + 1 == 2^53"), true)
  is(V("0xA"), 10); is(V("0Xa"), 10); is(V("0x.8"), 0.5); is(V("0x8."), 8.0)
  is(V("1//1"), 1); is(V("3 .. 2"), "32")
  for _, bad in ipairs{ "3..2", "3.4.5", "0x", "0xg", "1e", "1e+", "0x1p", "1f", "0x.p1", "12abc", "1.5e3x",
                        "0x1.2.3", "1e2e3", "0xep", "1..", "08x" } do
    is(select(2, V(bad)), "c:1: malformed number near '" .. bad .. "'", bad)
  end
  is(select(2, V(".e1")), "c:1: unexpected symbol near '.'")
  is(select(2, V("1 .5")), "c:1: <eof> expected near '.5'")
end)

T("names, symbols, stray characters", function()
  is(select(2, V("1 @")), "c:1: <eof> expected near '@'")
  is(select(2, V("$")), "c:1: unexpected symbol near '$'")
  is(select(2, V("`")), "c:1: unexpected symbol near '`'")
  is(select(2, V("~= 1")), "c:1: unexpected symbol near '~='")
  is(CE("local \195\191 = 1"), "c:1: <name> expected near '<\\195>'")
  is(CE("local \128 = 1"), "c:1: <name> expected near '<\\128>'")
  is(CE("x = 1 return x\0"), "c:1: <eof> expected")   -- the message is cut at its NUL
  is(CE("goto = 1"), "c:1: <name> expected near '='")
  is(CE("local and = 1"), "c:1: <name> expected near 'and'")
  is(CE("x = 'a' 'b'"), "c:1: unexpected symbol near ''b''")
  is(CE("x = 1 ::"), "c:1: <name> expected near <eof>")
  local src = "local _ABC_xyz_019 = 5 return _ABC_xyz_019"
  is(assert(load(src))(), 5)
  -- a name may be as long as memory allows
  local long = string.rep("n", 10000)
  is(assert(load("local " .. long .. " = 7 return " .. long))(), 7)
  -- keywords are case sensitive
  is(assert(load("local And, NIL, End = 1, 2, 3 return And + NIL + End"))(), 6)
end)

T("chunk names in messages", function()
  local function E(src, name) return select(2, pcall(assert(load(src, name)))) end
  is(E("error('x')", "@file.lua"), "file.lua:1: x")
  is(E("error('x')", "=custom"), "custom:1: x")
  is(E("error('x')", "chunk text"), '[string "chunk text"]:1: x')
  is(E("error('x')", "line1\nline2"), '[string "line1..."]:1: x')
  is(E("error('x')", string.rep("x", 100)), '[string "' .. string.rep("x", 45) .. '..."]:1: x')
  is(E("error('x')"), [[[string "error('x')"]:1: x]])
  is(E("\n\nerror('x')", "@" .. string.rep("y", 100)), "..." .. string.rep("y", 56) .. ":3: x")
  is(E("error('x')", "=" .. string.rep("z", 100)), string.rep("z", 59) .. ":1: x")
  is(E("error('x')", ""), '[string ""]:1: x')
  is(E("error('x')", "="), ":1: x")
  is(E("error('x')", "@"), ":1: x")
  is(select(2, load("x = ", "=(load)")), "(load):1: unexpected symbol near <eof>")
  is(select(2, load("x = ")), '[string "x = "]:1: unexpected symbol near <eof>')
  is(select(2, load("x = 'abc", "@f")), "f:1: unfinished string near <eof>")
  -- a byte-order mark is not skipped by load (only the standalone interpreter's file loader skips it)
  is(select(2, load("\239\187\191return 1")), "[string \"\239\187\191return 1\"]:1: unexpected symbol near '<\\239>'")
  is(select(2, load("#!shebang\nreturn 1", "=c")), "c:1: unexpected symbol near '#'")
end)

T("files: a BOM and a '#' first line are skipped by loadfile", function()
  local name = os.tmpname()
  local function file(s) local f = assert(io.open(name, "wb")); f:write(s); f:close() end
  file("\239\187\191return 1"); is(assert(loadfile(name))(), 1)
  file("\239\187\191# comment\nreturn debug.getinfo(1, 'l').currentline"); is(assert(loadfile(name))(), 2)
  file("#!/usr/bin/lua\nreturn 2"); is(assert(loadfile(name))(), 2)
  file("# first\r\nreturn debug.getinfo(1, 'l').currentline"); is(assert(loadfile(name))(), 2)
  file("\239\187return 1"); is(select(2, loadfile(name)), name .. ":1: unexpected symbol near '<\\239>'")
  file("\239\187\191\239\187\191return 1"); is(select(2, loadfile(name)), name .. ":1: unexpected symbol near '<\\239>'")
  file("#"); is(assert(loadfile(name))(), nil)
  os.remove(name)
end)

print(failed == 0 and "all passed" or (failed .. " failed"))
