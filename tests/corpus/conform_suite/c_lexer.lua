-- conform_suite (part C): the lexer and goto rules, self-checking, written from the manual
-- (numerals in every form, escapes, long brackets, comments, line counting, goto and its compile errors).
local failed = 0
local function T(name, f)
  local ok, msg = pcall(f)
  if ok then print("ok   " .. name) else failed = failed + 1; print("FAIL " .. name .. ": " .. tostring(msg)) end
end
local function E(f, ...)
  local ok, msg = pcall(f, ...)
  assert(not ok, "expected an error")
  return msg
end
local function is(got, want, what)
  assert(got == want, (what and what .. ": " or "") .. "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]")
end
local function CE(src)   -- the compile error of src, without the chunk name
  local f, msg = load(src, "=src")
  assert(not f, "expected a compile error for: " .. src)
  return (msg:gsub("^src:", ""))
end
local function ev(src) return assert(load("return " .. src))() end

T("numerals", function()
  is(ev("3"), 3); is(math.type(ev("3")), "integer"); is(ev("345"), 345); is(ev("0xff"), 255); is(ev("0xBEBADA"), 12499674)
  is(ev("3.0"), 3.0); is(math.type(ev("3.0")), "float"); is(ev("3.1416"), 3.1416); is(ev("314.16e-2"), 3.1416)
  is(ev("0.31416E1"), 3.1416); is(ev("34e1"), 340.0); is(ev("0x0.1E"), 0.1171875); is(ev("0xA23p-4"), 162.1875)
  is(ev("0X1.921FB54442D18P+1"), math.pi); is(ev(".5"), 0.5); is(ev("5."), 5.0); is(ev("1e+2"), 100.0)
  is(ev("0x.8"), 0.5); is(ev("0x8."), 8.0); is(ev("0x1p4"), 16.0); is(ev("0xfp0"), 15.0)
  -- hexadecimal integers wrap around; decimal ones that overflow become floats
  is(ev("0xffffffffffffffff"), -1); is(ev("0x10000000000000000"), 0); is(ev("0x7fffffffffffffff"), math.maxinteger)
  is(ev("9223372036854775807"), math.maxinteger); is(math.type(ev("9223372036854775808")), "float")
  is(ev("-9223372036854775808"), -2^63); is(math.type(ev("-9223372036854775808")), "float")
  is(ev("1e500"), math.huge); is(ev("1e-500"), 0.0)
  is(ev("0x1P-1074"), 4.9406564584124654e-324)
  is(CE("return 3x"), "1: malformed number near '3x'")
  is(CE("return 0x"), "1: malformed number near '0x'")
  is(CE("return 1e"), "1: malformed number near '1e'")
  is(CE("return 1..2"), "1: malformed number near '1..2'")
  is(CE("return 0xg"), "1: malformed number near '0xg'")
  is(CE("return 3.4.5"), "1: malformed number near '3.4.5'")
  is(CE("return 08a"), "1: malformed number near '08a'")
  is(ev("08"), 8); is(ev("1 .. 2"), "12")
  is(ev("0xA .. ''"), "10")
end)

T("strings and escapes", function()
  is(ev([["\a\b\f\n\r\t\v\\\"\'"]]), "\7\8\12\10\13\9\11\92\34\39")
  is(ev([["\65\066\0677"]]), "AB C7" == "AB C7" and "AB" .. "C7" or nil)
  is(ev([["\x41\x6a\x6A"]]), "Ajj"); is(ev([["\u{48}\u{7FF}\u{FFFF}"]]), "H\xDF\xBF\xEF\xBF\xBF")
  is(ev([["\u{7FFFFFFF}"]]), "\xFD\xBF\xBF\xBF\xBF\xBF")
  is(ev([["a\z
        b"]]), "ab")
  is(ev("'a\\\nb'"), "a\nb"); is(ev("'a\\\r\nb'"), "a\nb"); is(ev("'a\\\n\rb'"), "a\nb"); is(ev("'a\\\rb'"), "a\nb")
  is(CE([[return "\q"]]), [[1: invalid escape sequence near '"\q']])
  is(CE([[return "\x4"]]), [[1: hexadecimal digit expected near '"\x4"']])
  is(CE([[return "\256"]]), [[1: decimal escape too large near '"\256"']])
  is(CE([[return "\u{80000000}"]]), [[1: UTF-8 value too large near '"\u{80000000']])
  is(CE([[return "\u{}"]]), [[1: hexadecimal digit expected near '"\u{}']])
  is(CE([[return "\u48"]]), [[1: missing '{' near '"\u4']])
  is(CE([[return "\u{48"]]), [[1: missing '}' near '"\u{48"']])
  is(CE("return 'abc"), "1: unfinished string near <eof>")
  is(CE("return 'abc\ndef'"), "1: unfinished string near ''abc'")
  is(ev("'\\0'"), "\0"); is(#ev("'a\\0b'"), 3)
end)

T("long brackets and comments", function()
  is(ev("[[\nabc]]"), "abc"); is(ev("[[\r\nabc]]"), "abc"); is(ev("[[\n\nabc]]"), "\nabc")
  is(ev("[==[a]]b]=]c]==]"), "a]]b]=]c"); is(ev("[[a\r\nb]]"), "a\nb"); is(ev("[[a\n\rb]]"), "a\nb")
  is(ev("[[a\r\rb]]"), "a\n\nb"); is(ev("[[\\n]]"), "\\n")
  is(ev("--[[ comment ]] 1"), 1); is(ev("--[==[ ]] ]==] 2"), 2); is(ev("--[ not long\n 3"), 3)
  is(ev("-- line\n4"), 4); is(ev("--[=[\n]=]5"), 5)
  is(CE("return [[abc"), "1: unfinished long string (starting at line 1) near <eof>")
  is(CE("return [==[abc]=]"), "1: unfinished long string (starting at line 1) near <eof>")
  is(CE("--[[ open\n\n"), "3: unfinished long comment (starting at line 1) near <eof>")
  is(CE("return [=x"), "1: invalid long string delimiter near '[='")
end)

T("line counting", function()
  local function line_of(src) local f = load(src, "=src"); local ok, msg = pcall(f); return msg end
  is(line_of("\n\nerror('x')"), "src:3: x")
  is(line_of("\r\n\r\nerror('x')"), "src:3: x")
  is(line_of("\n\r\n\rerror('x')"), "src:3: x")
  is(line_of("\r\rerror('x')"), "src:3: x")
  is(line_of("local s = [[\n\n]] error('x')"), "src:3: x")
  is(line_of("--[[\r\n\r\n]] error('x')"), "src:3: x")
  is(line_of("local s = 'a\\\nb' error('x')"), "src:2: x")
  is(CE("\n\nx = = 1"), "3: unexpected symbol near '='")
  is(CE("\r\n\r\nx = = 1"), "3: unexpected symbol near '='")
  is(debug.getinfo(load("\n\n\nreturn 1", "=s"), "S").lastlinedefined, 0)
  local f = load("local x = 1\r\nreturn function()\r\nreturn x\r\nend", "=s")()
  local info = debug.getinfo(f, "S")
  is(info.linedefined, 2); is(info.lastlinedefined, 4)
end)

T("tokens and limits", function()
  is(ev("1//1"), 1); is(ev("7 // 2"), 3); is(ev("2^-1"), 0.5); is(ev("~5"), -6); is(ev("5~3"), 6)
  is(ev("1<<2"), 4); is(ev("8>>1"), 4); is(ev("'a'..'b'"), "ab"); is(ev("#'abc'"), 3); is(ev("1 ~= 2"), true)
  is(CE("x = 1 !"), "1: unexpected symbol near '!'")
  is(CE("x = @"), "1: unexpected symbol near '@'")
  is(CE("return \1"), "1: unexpected symbol near '<\\1>'")
  is(CE("x = $"), "1: unexpected symbol near '$'")
  is(CE("a.b:c = 1"), "1: function arguments expected near '='")
  -- names: letters, digits, underscores; keywords are reserved
  is(CE("local end = 1"), "1: <name> expected near 'end'")
  is(CE("local goto = 1"), "1: <name> expected near 'goto'")
  local long = string.rep("a", 1000)
  is(ev("(function() local " .. long .. " = 5 return " .. long .. " end)()"), 5)
  -- at most 200 local variables per function
  local src = "local a1"
  for i = 2, 201 do src = src .. ", a" .. i end
  is(CE(src), "1: too many local variables (limit is 200) in main function near <eof>")
  -- upvalues: at most 255
  local parts = {}
  for i = 1, 256 do parts[#parts + 1] = "local u" .. i .. " = " .. i end
  local body = {}
  for i = 1, 256 do body[#body + 1] = "u" .. i end
  local msg = CE("local function outer() " .. table.concat(parts, " ", 1, 150) .. " local function mid() " .. table.concat(parts, " ", 151) ..
    " return function() return " .. table.concat(body, "+") .. " end end end")
  assert(msg:find("too many upvalues %(limit is 255%)"), msg)
end)

T("goto rules", function()
  -- continue-like goto
  local out = {}
  for i = 1, 5 do
    if i % 2 == 0 then goto continue end
    out[#out + 1] = i
    ::continue::
  end
  is(table.concat(out, ","), "1,3,5")
  -- backward goto as a loop, with a fresh local each time
  local fs, i = {}, 1
  ::top::
  local x = i
  fs[#fs + 1] = function() return x end
  i = i + 1
  if i <= 3 then goto top end
  is(fs[1]() + fs[2]() + fs[3](), 6)
  -- nested blocks: jump out of them
  do do do goto out end end end
  ::out::
  is(CE("goto nowhere"), "1: no visible label 'nowhere' for <goto> at line 1")
  is(CE("do ::a:: end goto a"), "1: no visible label 'a' for <goto> at line 1")
  is(CE("::a:: ::a::"), "1: label 'a' already defined on line 1")
  is(CE("::a:: do ::a:: end"), "1: label 'a' already defined on line 1")
  is(CE("goto f; local x; ::f:: print(x)"), "1: <goto f> at line 1 jumps into the scope of local 'x'")
  -- a label at the end of a block is outside the scope of the block's locals
  assert(load("do goto f; local x; ::f:: end"))
  assert(load("do goto f; local x; ::f:: ; ; end"))
  is(CE("repeat goto f; local x; ::f:: until x"), "1: <goto f> at line 1 jumps into the scope of local 'x'")
  is(CE("goto 1"), "1: <name> expected near '1'")
  is(CE("::1::"), "1: <name> expected near '1'")
  is(CE("break"), "1: break outside loop at line 1")
  is(CE("function f() break end"), "1: break outside loop at line 1")
  is(CE("for i = 1, 2 do end\nbreak"), "2: break outside loop at line 2")
  -- goto into a nested function's label is invisible
  is(CE("local function f() ::l:: end goto l"), "1: no visible label 'l' for <goto> at line 1")
  -- 'goto' continues a loop from an inner block with <close>
  local closed = 0
  for j = 1, 3 do
    do
      local c <close> = setmetatable({}, {__close = function() closed = closed + 1 end})
      if j < 3 then goto next end
    end
    ::next::
  end
  is(closed, 3)
  -- goto out of a loop with a pending closure keeps the captured value
  local keep
  for j = 1, 10 do
    keep = function() return j end
    if j == 4 then goto done end
  end
  ::done::
  is(keep(), 4)
end)

print(failed == 0 and "all passed" or (failed .. " failed"))
assert(failed == 0)
