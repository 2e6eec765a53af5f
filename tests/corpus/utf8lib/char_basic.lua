-- utf8.char encodes code points (up to 6 bytes, values up to 0x7FFFFFFF)
local function bytes(s) return table.concat({s:byte(1, -1)}, " ") end
print(utf8.char(72, 101, 108, 108, 111))
print(utf8.char(228, 8364, 0x1F600))
print(bytes(utf8.char(0)), bytes(utf8.char(0x7F)), bytes(utf8.char(0x80)), bytes(utf8.char(0x7FF)))
print(bytes(utf8.char(0x800)), bytes(utf8.char(0xFFFF)), bytes(utf8.char(0x10000)), bytes(utf8.char(0x10FFFF)))
print(bytes(utf8.char(0x110000)), bytes(utf8.char(0x1FFFFF)), bytes(utf8.char(0x200000)))
print(bytes(utf8.char(0x3FFFFFF)), bytes(utf8.char(0x4000000)), bytes(utf8.char(0x7FFFFFFF)))
print(bytes(utf8.char(0xD800)), bytes(utf8.char(0xDFFF)))
print(utf8.char() == "", #utf8.char(), utf8.char(65.0), utf8.char("66"), utf8.char(" 67 "))
print(#utf8.char(0x10FFFF, 0x10FFFF, 0x10FFFF))
local t = {}
for cp = 0x3B1, 0x3C9 do t[#t + 1] = utf8.char(cp) end
print(table.concat(t))
