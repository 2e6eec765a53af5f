-- debian: lua-messagepack
-- lua-MessagePack (Debian lua-messagepack, Lua 5.1 folder): packing of every type and size
-- class (bytes shown in hex), options set_number/set_integer/set_array/set_string, ext types,
-- streaming unpacker, round trips, errors.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.use51()
S.where("MessagePack")
local mp = require("MessagePack")
local check, show = S.check, S.show
print(mp._VERSION)
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function short(s) return #s > 40 and hex(s:sub(1, 20)) .. "..(" .. #s .. " bytes)" or hex(s) end
local values = {
  false, true, 0, 1, 127, 128, 255, 256, 65535, 65536, 4294967295, 4294967296, math.maxinteger,
  -1, -32, -33, -128, -129, -32768, -32769, -2147483648, -2147483649, math.mininteger,
  0.5, -0.5, 1.5, 3.14159, 1e300, -1e-300, 1/0, -1/0, 2.0, -0.0,
  "", "a", string.rep("x", 31), string.rep("x", 32), string.rep("y", 255), string.rep("y", 256), string.rep("z", 65536),
  {}, { 1, 2, 3 }, { "a", { "b", { "c" } } }, { single = "key" }, { [1] = 1, [3] = 3 },
}
for i = 1, 20 do values[#values + 1] = { i } end
local big = {}
for i = 1, 70000 do big[i] = i % 7 end
values[#values + 1] = big
for i, v in ipairs(values) do
  local packed = mp.pack(v)
  local back = mp.unpack(packed)
  local same
  if type(v) == "table" then same = show(back) == show(v) else same = back == v or (v ~= v and back ~= back) end
  print(i, type(v), short(packed), same, math.type(back) or type(back))
end
print("nil", hex(mp.pack(nil)), mp.unpack(mp.pack(nil)))
check("nan", function() local x = mp.unpack(mp.pack(0/0)) return x ~= x end)
-- a map with several keys: compare decoded contents, not bytes (pairs order is unspecified)
local map = { name = "x", list = { 1, 2 }, nested = { a = { b = { c = true } } }, [10] = "ten", [2.5] = "f" }
print("map", show(mp.unpack(mp.pack(map))))
for _, opt in ipairs { "float", "double" } do
  mp.set_number(opt)
  print("set_number " .. opt, hex(mp.pack(1.5)), hex(mp.pack(3)), hex(mp.pack(0.1)), show(mp.unpack(mp.pack(0.1))))
end
mp.set_number("double")
mp.set_integer("unsigned")
print("unsigned", hex(mp.pack(1)), hex(mp.pack(200)), hex(mp.pack(-5)))
mp.set_integer("signed")
print("signed", hex(mp.pack(1)), hex(mp.pack(200)), hex(mp.pack(70000)), hex(mp.pack(-5)))
mp.set_integer("unsigned")
for _, opt in ipairs { "without_hole", "with_hole", "always_as_map" } do
  mp.set_array(opt)
  print("set_array " .. opt, hex(mp.pack({ 1, 2, 3 })), hex(mp.pack({ [1] = "a", [3] = "c" })))
end
mp.set_array("without_hole")
for _, opt in ipairs { "string_compat", "string", "binary" } do
  mp.set_string(opt)
  print("set_string " .. opt, hex(mp.pack("abc")), short(mp.pack(string.rep("b", 40))))
end
mp.set_string("string_compat")
check("bad option", mp.set_number, "huge")
check("bad option", mp.set_array, "x")
check("pack function", mp.pack, print)
check("unpack garbage", mp.unpack, "\xc1")
check("unpack truncated", mp.unpack, "\x93\x01")
check("unpack extra", mp.unpack, "\x01\x02")
check("unpack type", mp.unpack, 42)
-- ext
local e = mp.build_ext(5, "data")
print("ext", e and show(e))
local oldext = mp.build_ext
mp.build_ext = function(tag, data) return { tag = tag, data = data } end
for _, s in ipairs { "\xd4\x05a", "\xd5\x06ab", "\xd6\x07abcd", "\xd7\x08abcdefgh", "\xd8\x09" .. string.rep("p", 16),
                     "\xc7\x03\x0axyz", "\xc8\x00\x02\x0bxy" } do
  print("ext unpack", hex(s:sub(1, 2)), show(mp.unpack(s)))
end
mp.build_ext = oldext
-- streaming
local stream = mp.pack(1) .. mp.pack("two") .. mp.pack({ 3 }) .. mp.pack(4.5) .. mp.pack(false)
for i, v in mp.unpacker(stream) do print("stream", i, show(v)) end
local chunks, pos = {}, 1
while pos <= #stream do chunks[#chunks + 1] = stream:sub(pos, pos + 2); pos = pos + 3 end
local k = 0
local function reader() k = k + 1 return chunks[k] end
for i, v in mp.unpacker(reader) do print("reader", i, show(v)) end
-- a larger round trip
local doc = {}
for i = 1, 300 do doc[i] = { id = i, name = "item" .. i, tags = { "t" .. i % 5, "u" .. i % 3 }, score = i / 7, flag = i % 2 == 0 } end
local packed = mp.pack(doc)
local back = mp.unpack(packed)
print("doc", #packed, show(back) == show(doc), show(back[17]))
