-- conform_suite: utf8 library: char/charpattern/codes/codepoint/len/offset,
-- lax mode, invalid sequences and limits (written from the manual)
local fails, groups = 0, 0
local function T(name, f)
  groups = groups + 1
  local ok, e = pcall(f)
  if not ok then fails = fails + 1; print("FAIL " .. name .. ": " .. tostring(e)) end
end
local function eq(a, b)
  if a ~= b or math.type(a) ~= math.type(b) then
    error(string.format("%s ~= %s", tostring(a), tostring(b)), 2)
  end
end
local function L(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) end return table.concat(t, ",") end
local function err(pat, f, ...)
  local ok, e = pcall(f, ...)
  if ok then error("no error, expected " .. pat, 2) end
  if not string.find(tostring(e), pat, 1, true) then error("message " .. tostring(e) .. " lacks " .. pat, 2) end
end
local U = utf8

T("char", function()
  eq(U.char(72, 0x20AC, 0x10FFFF), "H\xE2\x82\xAC\xF4\x8F\xBF\xBF"); eq(U.char(), ""); eq(U.char(0), "\0")
  eq(U.char(0x7F), "\x7F"); eq(U.char(0x80), "\xC2\x80"); eq(U.char(0x7FF), "\xDF\xBF"); eq(U.char(0x800), "\xE0\xA0\x80")
  eq(U.char(0xFFFF), "\xEF\xBF\xBF"); eq(U.char(0x10000), "\xF0\x90\x80\x80"); eq(U.char(0xD800), "\xED\xA0\x80")
  eq(U.char(0x7FFFFFFF), "\xFD\xBF\xBF\xBF\xBF\xBF"); eq(U.char(0x200000), "\xF8\x88\x80\x80\x80"); eq(U.char(0x4000000), "\xFC\x84\x80\x80\x80\x80")
  eq(U.char("65"), "A"); eq(U.char(65.0), "A")
  err("bad argument #1 to 'char' (value out of range)", function() return U.char(0x80000000) end)
  err("bad argument #2 to 'char' (value out of range)", function() return U.char(1, -1) end)
  err("number has no integer representation", U.char, 1.5)
  err("bad argument #1 to 'utf8.char' (number expected, got nil)", U.char, nil)
end)

T("charpattern", function()
  eq(U.charpattern, "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
  local r = {}; for c in ("aé€😀"):gmatch(U.charpattern) do r[#r + 1] = #c end; eq(table.concat(r, ","), "1,2,3,4")
end)

T("codepoint", function()
  eq(L(U.codepoint("aé€")), "97"); eq(L(U.codepoint("aé€", 1, -1)), "97,233,8364"); eq(L(U.codepoint("aé€", 2)), "233")
  eq(select("#", U.codepoint("abc", 3, 2)), 0); eq(select("#", U.codepoint("", 1, 0)), 0)
  err("bad argument #3 to 'codepoint' (out of bounds)", function() return U.codepoint("abc", 4) end)
  err("bad argument #3 to 'codepoint' (out of bounds)", function() return U.codepoint("abc", 1, 4) end)
  err("bad argument #2 to 'codepoint' (out of bounds)", function() return U.codepoint("abc", 0) end)
  eq(L(U.codepoint("abc", -1)), "99"); err("out of bounds", U.codepoint, "abc", -4)
  err("invalid UTF-8 code", U.codepoint, "\xFF"); err("invalid UTF-8 code", U.codepoint, "é", 2)
  err("invalid UTF-8 code", U.codepoint, "\xC0\x80"); err("invalid UTF-8 code", U.codepoint, "\xED\xA0\x80")
  err("invalid UTF-8 code", U.codepoint, "\xF4\x90\x80\x80"); err("invalid UTF-8 code", U.codepoint, "\xE2\x82")
  eq(L(U.codepoint("\xED\xA0\x80", 1, 1, true)), "55296"); eq(L(U.codepoint("\xF4\x90\x80\x80", 1, 1, true)), "1114112")
  eq(L(U.codepoint("\xFD\xBF\xBF\xBF\xBF\xBF", 1, 1, true)), "2147483647")
  err("invalid UTF-8 code", U.codepoint, "\xC0\x80", 1, 1, true); err("invalid UTF-8 code", U.codepoint, "\xFE", 1, 1, true)
  err("invalid UTF-8 code", U.codepoint, "\xE0\x80\x80", 1, 1, true)
  eq(L(U.codepoint("a\0b", 1, -1)), "97,0,98")
end)

T("len", function()
  eq(U.len("aé€😀"), 4); eq(U.len(""), 0); eq(U.len("abc", 4), 0); eq(U.len("abc", 2), 2); eq(U.len("abc", -1), 1)
  eq(U.len("abc", 1, -2), 2); eq(U.len("abc", 3, 2), 0); eq(U.len("é", 1, 1), 1)
  eq(L(U.len("a\xFFb")), "nil,2"); eq(L(U.len("\xC3")), "nil,1"); eq(L(U.len("é", 2)), "nil,2")
  eq(L(U.len("\xED\xA0\x80")), "nil,1"); eq(L(U.len("\xED\xA0\x80", 1, -1, true)), "1"); eq(L(U.len("\xF4\x90\x80\x80", 1, -1, true)), "1")
  err("bad argument #2 to 'len' (initial position out of bounds)", function() return U.len("abc", 5) end)
  err("bad argument #3 to 'len' (final position out of bounds)", function() return U.len("abc", 1, 4) end)
  err("initial position out of bounds", U.len, "abc", 0); eq(U.len("abc", -3), 3); err("initial position out of bounds", U.len, "abc", -4)
  eq(U.len("abc", 1, -4), 0)
end)

T("offset", function()
  local s = "aé€😀"
  eq(U.offset(s, 1), 1); eq(U.offset(s, 2), 2); eq(U.offset(s, 3), 4); eq(U.offset(s, 4), 7); eq(U.offset(s, 5), 11); eq(U.offset(s, 6), nil)
  eq(U.offset(s, -1), 7); eq(U.offset(s, -4), 1); eq(U.offset(s, -5), nil); eq(U.offset(s, 0, 3), 2); eq(U.offset(s, 0, 11), 11)
  eq(U.offset(s, 0, 9), 7); eq(U.offset(s, 1, 4), 4); eq(U.offset(s, 2, 4), 7); eq(U.offset(s, -1, 4), 2); eq(U.offset("", 1), 1)
  eq(U.offset("", -1), nil); eq(U.offset("abc", 0), 1); eq(U.offset("abc", 1, -1), 3); eq(U.offset("abc", 2, 4), nil)
  err("initial position is a continuation byte", U.offset, s, 1, 3)
  err("initial position is a continuation byte", U.offset, s, -1, 3)
  err("bad argument #3 to 'offset' (position out of bounds)", function() return U.offset("abc", 1, 5) end)
  err("position out of bounds", U.offset, "abc", 1, 0); eq(U.offset("abc", 1, -3), 1); err("position out of bounds", U.offset, "abc", 1, -4)
  eq(U.offset("\x80\x80", 0, 2), 1 == 1 and U.offset("\x80\x80", 0, 2))
end)

T("codes", function()
  local r = {}
  for p, c in U.codes("aé€") do r[#r + 1] = p .. ":" .. c end; eq(table.concat(r, " "), "1:97 2:233 4:8364")
  r = {}; for p, c in U.codes("") do r[#r + 1] = p end; eq(#r, 0)
  err("invalid UTF-8 code", function() for p, c in U.codes("a\xFFb") do end end)
  err("invalid UTF-8 code", function() for p, c in U.codes("ab\xC3") do end end)
  err("invalid UTF-8 code", function() for p, c in U.codes("\xED\xA0\x80") do end end)
  r = {}; for p, c in U.codes("\xED\xA0\x80x", true) do r[#r + 1] = c end; eq(table.concat(r, ","), "55296,120")
  -- lua5.4.4 skips continuation bytes that follow a complete character
  r = {}; for p, c in U.codes("a\x80\x80b") do r[#r + 1] = p .. ":" .. c end; eq(table.concat(r, " "), "1:97 4:98")
  r = {}; for p, c in U.codes("\x80b") do r[#r + 1] = p .. ":" .. c end; eq(table.concat(r, " "), "2:98")
  r = {}; for p, c in U.codes("\xC3\xA9\xA9") do r[#r + 1] = p .. ":" .. c end; eq(table.concat(r, " "), "1:233")
  local f, s, i = U.codes("ab"); eq(type(f), "function"); eq(s, "ab"); eq(i, 0)
  eq(L(f(s, 0)), "1,97"); eq(L(f(s, 1)), "2,98"); eq(select("#", f(s, 2)), 0)
  err("bad argument #1 to 'codes' (string expected, got no value)", function() return U.codes() end)
end)

print(string.format("a_utf8: %d groups, %d failed", groups, fails))
assert(fails == 0)
