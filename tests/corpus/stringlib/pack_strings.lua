-- strings: z, s[n], c[n]
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
for _, f in ipairs{"z", "s", "s1", "s2", ">s2", "s4", "c3", "c5"} do
  for _, v in ipairs{"", "a", "abc", "abcde"} do
    local ok, p = pcall(string.pack, f, v)
    if ok then print(f, v, hex(p), string.unpack(f, p)) else print(f, v, p) end
  end
end
print(pcall(string.pack, "z", "a\0b"))
print(pcall(string.pack, "s1", string.rep("x", 256)))
print(#string.pack("s1", string.rep("x", 255)))
print(pcall(string.pack, "c2", "abc"))
print(pcall(string.pack, "c", "a"))
print(hex(string.pack("c0", "")), string.unpack("c0", ""))
print(string.unpack("zz", "ab\0cd\0"), string.unpack("s1s1", "\2ab\1c"))
print(hex(string.pack("z B z", "hi", 7, "there")))
print(string.pack("c10", "pad") == "pad" .. string.rep("\0", 7))
