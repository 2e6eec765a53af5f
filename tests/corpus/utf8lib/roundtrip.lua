-- encode and decode many code points
local cps = {0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FF, 0x800, 0xFFF, 0x1000, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
  0x10000, 0x1F600, 0x10FFFF}
local s = utf8.char(table.unpack(cps))
print(#s, utf8.len(s))
local back = {utf8.codepoint(s, 1, -1)}
local same = #back == #cps
for i = 1, #cps do same = same and back[i] == cps[i] end
print(same)
local big = {0x110000, 0x1FFFFF, 0x200000, 0x3FFFFFF, 0x4000000, 0x7FFFFFFF, 0xD800, 0xDFFF}
local b = utf8.char(table.unpack(big))
print(#b, utf8.len(b), utf8.len(b, 1, -1, true))
print(utf8.codepoint(b, 1, -1, true))
local count, sum = 0, 0
for cp = 0, 0x10FFFF, 997 do
  if cp < 0xD800 or cp > 0xDFFF then
    local c = utf8.char(cp)
    if utf8.codepoint(c) ~= cp or utf8.len(c) ~= 1 then print("bad", cp) end
    count = count + 1 sum = sum + #c
  end
end
print(count, sum)
