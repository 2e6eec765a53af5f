-- conform_suite: string.pack/unpack/packsize, every option, alignment,
-- endianness, limits and errors (written from the manual)
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
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function L(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) end return table.concat(t, ",") end
local function err(pat, f, ...)
  local ok, e = pcall(f, ...)
  if ok then error("no error, expected " .. pat, 2) end
  if not string.find(tostring(e), pat, 1, true) then error("message " .. tostring(e) .. " lacks " .. pat, 2) end
end
local pack, unpack, size = string.pack, string.unpack, string.packsize

T("integers", function()
  eq(hex(pack("<i4", 1)), "01000000"); eq(hex(pack(">i4", 1)), "00000001"); eq(hex(pack("<i2", -2)), "feff")
  eq(hex(pack("b", -1)), "ff"); eq(hex(pack("B", 255)), "ff"); eq(hex(pack("<h", 0x1234)), "3412"); eq(hex(pack(">H", 0xfffe)), "fffe")
  eq(hex(pack("<i3", 0x123456)), "563412"); eq(hex(pack(">I3", 0xabcdef)), "abcdef"); eq(hex(pack("<j", -1)), "ffffffffffffffff")
  eq(hex(pack(">J", 1)), "0000000000000001"); eq(#pack("T", 0), size("T")); eq(#pack("l", 0), size("l")); eq(#pack("L", 0), size("L"))
  eq(#pack("i", 0), size("i")); eq(#pack("I", 0), size("I")); eq(size("j"), 8)
  eq(hex(pack("<i16", -2)), "fe" .. string.rep("ff", 15)); eq(hex(pack(">I16", 1)), string.rep("00", 15) .. "01")
  eq(unpack("<i16", pack("<i16", math.mininteger)), math.mininteger); eq(unpack("<I9", pack("<I9", -1)), -1)
  eq(unpack("<i3", "\255\255\255"), -1); eq(unpack("<I3", "\255\255\255"), 0xffffff); eq(unpack(">i2", "\128\0"), -32768)
  eq(unpack("<i1", "\128"), -128); eq(unpack("<b", "\127"), 127); eq(L(unpack("<h", "\1\0")), "1,3")
  eq(unpack("<i8", pack("<i8", math.maxinteger)), math.maxinteger); eq(unpack("<j", pack("<j", math.mininteger)), math.mininteger)
  eq(unpack("<i4", pack("<i4", 3.0)), 3)
end)

T("integer limits", function()
  err("bad argument #2 to 'pack' (integer overflow)", function() return pack("i1", 128) end)
  err("integer overflow", pack, "i1", -129); err("unsigned overflow", pack, "I1", 256); err("integer overflow", pack, "b", 200)
  err("unsigned overflow", pack, "B", -129); err("unsigned overflow", pack, "<I2", -32769)
  err("unsigned overflow", pack, "I1", -1); err("unsigned overflow", pack, "B", -128)
  err("integer overflow", pack, "<i2", 32768); eq(hex(pack("<i2", -32768)), "0080"); err("unsigned overflow", pack, "<I2", 65536)
  err("unsigned overflow", pack, "<I4", -1); eq(hex(pack("<I8", -1)), "ffffffffffffffff"); err("integer overflow", pack, "<i4", 2^31)
  err("number has no integer representation", pack, "i4", 1.5)
  err("bad argument #2 to 'string.pack' (number expected, got string)", pack, "i4", "x")
  eq(hex(pack("<i4", "12")), "0c000000")
  err("does not fit into Lua Integer", unpack, "<i9", "\0\0\0\0\0\0\0\0\1")
  err("does not fit into Lua Integer", unpack, "<I9", "\0\0\0\0\0\0\0\0\1")
  eq(unpack("<i9", "\255\255\255\255\255\255\255\255\255"), -1)
  err("does not fit into Lua Integer", unpack, "<i9", "\0\0\0\0\0\0\0\128\0")
  eq(unpack("<i9", "\0\0\0\0\0\0\0\128\255"), math.mininteger)
  err("16-byte integer does not fit into Lua Integer", unpack, ">i16", "\1" .. string.rep("\0", 15))
  eq(unpack(">I16", string.rep("\0", 8) .. string.rep("\255", 8)), -1)
  err("integral size (17) out of limits [1,16]", pack, "i17", 1)
  err("integral size (0) out of limits [1,16]", pack, "i0", 1)
  err("integral size (17) out of limits [1,16]", size, "I17")
end)

T("floats", function()
  eq(hex(pack("<f", 1.5)), "0000c03f"); eq(hex(pack(">d", 1.5)), "3ff8000000000000"); eq(hex(pack("<n", -0.0)), "0000000000000080")
  eq(unpack("<f", pack("<f", 0.1)), 0.10000000149011612); eq(unpack("<d", pack("<d", 0.1)), 0.1); eq(unpack("f", pack("f", 3)), 3.0)
  eq(unpack("<d", pack("<d", 1/0)), 1/0); eq(unpack("<f", pack("<f", 1e300)), 1/0); eq(unpack("<f", pack("<f", -1e300)), -1/0)
  local x = unpack("<d", pack("<d", 0/0)); eq(x ~= x, true); eq(size("f"), 4); eq(size("d"), 8); eq(size("n"), 8)
  err("number expected, got string", pack, "d", "x"); eq(unpack("d", pack("d", "1.25")), 1.25)
  eq(math.type(unpack("n", pack("n", 1))), "float"); eq(unpack("<f", pack("<f", 1e-46)), 0.0)
end)

T("strings", function()
  eq(hex(pack("z", "ab")), "616200"); eq(L(unpack("z", "ab\0cd")), "ab,4"); eq(L(unpack("zz", "a\0b\0")), "a,b,5")
  err("string contains zeros", pack, "z", "a\0b"); err("unfinished string for format 'z'", unpack, "z", "abc")
  eq(hex(pack("<s1", "ab")), "026162"); eq(hex(pack(">s2", "a")), "000161"); eq(hex(pack("<s", "a")), "0100000000000000" .. "61")
  eq(L(unpack("<s1", "\3abcd")), "abc,5"); eq(L(unpack(">s2", "\0\2xy")), "xy,5"); eq(L(unpack("s1", "\0")), ",2")
  err("string length does not fit in given size", pack, "s1", string.rep("x", 256))
  err("data string too short", unpack, "s1", "\5ab"); err("data string too short", unpack, "<s4", "\1\0\0")
  eq(hex(pack("c3", "ab")), "616200"); eq(hex(pack("c2", "ab")), "6162"); eq(hex(pack("c0", "")), "")
  err("string longer than given size", pack, "c1", "ab"); err("missing size for format option 'c'", pack, "c", "a")
  eq(L(unpack("c2", "abc")), "ab,3"); err("data string too short", unpack, "c4", "abc"); eq(size("c10"), 10)
  eq(L(unpack("c0", "")), ",1"); eq(hex(pack("s1", "")), "00")
  err("bad argument #2 to 'string.pack' (string expected, got table)", pack, "z", {}); eq(pack("z", 12), "12\0")
  err("bad argument #2 to 'string.pack' (string expected, got nil)", pack, "s")
end)

T("padding x X and alignment", function()
  eq(hex(pack("bxb", 1, 2)), "010002"); eq(hex(pack("xx")), "0000"); eq(size("x"), 1); eq(L(unpack("bxb", "\1\0\2")), "1,2,4")
  eq(hex(pack("<!4 b i4", 1, 2)), "0100000002000000"); eq(size("!4 b i4"), 8); eq(size("!2 b i4"), 6); eq(size("! b d"), 16)
  eq(size("!8 b i8"), 16); eq(size("!8 b i2"), 4); eq(size("!1 b i8"), 9); eq(size("!16 b i16"), 32)
  eq(hex(pack("<!4 b Xi4 b", 1, 2)), "0100000002"); eq(size("!4 bXi4"), 4); eq(size("!4 bXh"), 2); eq(size("bXb"), 1)
  err("format asks for alignment not power of 2", size, "!4 i3 b i3"); eq(size("!8 b Xd"), 8); eq(size("<!4 bx i2"), 4); eq(size("b!2 i4"), 6)
  eq(hex(pack(">!4 h Xi4", 1)), "00010000"); eq(size("!4 c3 i4"), 8); eq(size("!8 b Xi16"), 8); eq(size("b Xi16"), 1)
  err("invalid next option for option 'X'", pack, "X"); err("invalid next option for option 'X'", size, "Xz")
  err("invalid next option for option 'X'", pack, "bXc1", 1); err("invalid next option for option 'X'", pack, "X ")
  err("format asks for alignment not power of 2", pack, "!4 b i3", 1, 2)
  err("format asks for alignment not power of 2", size, "!8 b i6")
  err("integral size (17) out of limits [1,16]", size, "!17 b")
  eq(size("!3"), 0) ; eq(size("!"), 0)
  eq(L(unpack("!4 b i4", pack("!4 b i4", 7, 9))), "7,9,9")
end)

T("endianness and spaces", function()
  eq(hex(pack("<i2>i2=i2", 1, 1, 1) :sub(1, 4)), "01000001"); eq(size(" < > = ! "), 0); eq(hex(pack("> I2 < I2", 1, 1)), "00010100")
  local native = pack("=i4", 1); eq(native == pack("<i4", 1) or native == pack(">i4", 1), true)
end)

T("unpack positions", function()
  local s = pack("<i2i2i2", 1, 2, 3)
  eq(L(unpack("<i2", s, 3)), "2,5"); eq(L(unpack("<i2", s, -2)), "3,7"); eq(L(unpack("<i2i2", s, 3)), "2,3,7")
  err("bad argument #3 to 'string.unpack' (initial position out of string)", unpack, "<i2", s, 8)
  eq(L(unpack("<i2", s, -10)), "1,3"); eq(L(unpack("<i2", s, 0)), "1,3"); err("initial position out of string", unpack, "z", "abc\0", 6); err("data string too short", unpack, "<i2", s, 6)
  eq(L(unpack("", s, 7)), "7"); eq(L(unpack("", "")), "1"); eq(L(unpack("<i2", s, 1.0)), "1,3")
  err("number has no integer representation", unpack, "<i2", s, 1.5)
  eq(L(unpack("z", "abc\0", 4)), ",5")
end)

T("invalid formats", function()
  err("invalid format option 'y'", pack, "y"); err("invalid format option 'y'", size, "i4y"); err("invalid format option '%'", unpack, "%", "")
  err("variable-length format", size, "s"); err("variable-length format", size, "z"); err("variable-length format", size, "s1")
  err("invalid format option '7'", size, string.rep("c2147483647", 2))
  err("integral size (999999999) out of limits [1,16]", pack, "<I99999999999999999999", 1)
  err("invalid format option", pack, "i4q", 1)
    err("bad argument #1 to 'string.pack' (string expected, got no value)", pack)
  eq(size("i" .. "04"), 4)
end)

T("roundtrips", function()
  local f = "<!8 b B h H i4 I4 i4 I4 j J T f d n z s1 s2 c5 x"
  local vals = {-1, 255, -300, 60000, -70000, 16000000, -5, 4000000000, math.mininteger, -1, 77, 0.5, math.pi, -1e300, "zs", "s1", "s2", "ccccc"}
  local s = pack(f, table.unpack(vals))
  local out = table.pack(unpack(f, s))
  eq(out.n, #vals + 1); for i = 1, #vals do eq(out[i], vals[i]) end; eq(out[out.n], #s + 1)
  for n = 1, 16 do
    eq(unpack("<i" .. n, pack("<i" .. n, -3)), -3); eq(unpack(">i" .. n, pack(">i" .. n, 100)), 100)
    eq(size("i" .. n), n)
  end
end)

print(string.format("a_pack: %d groups, %d failed", groups, fails))
assert(fails == 0)
