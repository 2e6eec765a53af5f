-- Audit of the library against lua5.4: each line below is an expression (or a
-- statement); the case prints what pcall gives for it, so results and error
-- messages are compared with the reference line by line.

local function show(v)
  local t = type(v)
  if t == "table" or t == "function" or t == "userdata" or t == "thread" then return t end
  if t == "string" then return string.format("%q", v) end
  return tostring(v)
end
local probes = [==[
utf8.char(72, 228, 8364, 128512)
utf8.char()
utf8.char(0x7FFFFFFF)
utf8.char(0x80000000)
utf8.char(-1)
utf8.char("65")
utf8.charpattern
utf8.codepoint("häé", 1, -1)
utf8.codepoint("abc", 4)
utf8.codepoint("abc", 0)
utf8.codepoint("abc", 1, 10)
utf8.codepoint("\xff")
utf8.codepoint("\xed\xa0\x80")
utf8.codepoint("\xed\xa0\x80", 1, 1, true)
utf8.codepoint("\xf4\x90\x80\x80")
utf8.codepoint("\xf4\x90\x80\x80", 1, 1, true)
utf8.codepoint("\xc0\x80")
utf8.len("häé")
utf8.len("\xff")
utf8.len("abc\xe4")
utf8.len("abc", 5)
utf8.len("abc", 4)
utf8.len("abc", 0)
utf8.len("abc", -1)
utf8.len("abc", 2, 1)
utf8.len("abc", 1, 4)
utf8.len("\xed\xa0\x80", 1, -1, true)
utf8.len("\xed\xa0\x80")
utf8.offset("häé", 3)
utf8.offset("häé", -1)
utf8.offset("häé", 0, 3)
utf8.offset("häé", 1, 3)
utf8.offset("häé", 5)
utf8.offset("häé", 10)
utf8.offset("abc", 1, 5)
utf8.offset("abc", 0, 4)
utf8.offset("abc", 1, -1)
utf8.offset("abc", -4)
utf8.offset("", 1)
utf8.offset("", 0)
utf8.offset("\x80", 1)
(function() local t = {} for p, c in utf8.codes("häé") do t[#t+1] = p .. ":" .. c end return table.concat(t, " ") end)()
(function() local t = {} for p, c in utf8.codes("a\xffb") do t[#t+1] = p .. ":" .. c end return table.concat(t, " ") end)()
(function() local t = {} for p, c in utf8.codes("a\xed\xa0\x80", true) do t[#t+1] = p .. ":" .. c end return table.concat(t, " ") end)()
(function() local t = {} for p, c in utf8.codes("a\xed\xa0\x80") do t[#t+1] = p .. ":" .. c end return table.concat(t, " ") end)()
(function() local t = {} for p, c in utf8.codes("ab\xe4") do t[#t+1] = p .. ":" .. c end return table.concat(t, " ") end)()
(function() local t = {} for p, c in utf8.codes("\x80") do t[#t+1] = p .. ":" .. c end return table.concat(t, " ") end)()
utf8.codes(1)
utf8.codes()
string.match("häé", utf8.charpattern, 2)
]==]
for line in probes:gmatch("[^\n]+") do
  local f = load("return " .. line, "=probe") or load(line, "=probe")
  local r = table.pack(pcall(f))
  local out = {}
  for i = 1, r.n do out[#out + 1] = show(r[i]) end
  print(line, "=>", table.concat(out, ", "))
end

