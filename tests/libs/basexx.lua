-- debian: lua-basexx
-- basexx (Debian lua-basexx, Lua 5.1 folder): every encoding both ways, ignore sets, bad input.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.use51()
S.where("basexx")
local basexx = require("basexx")
local check = S.check
local inputs = { "", "f", "fo", "foo", "foob", "fooba", "foobar", "Hello, World!", "\0\1\2\255\254", string.rep("xyz", 40) }
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
inputs[#inputs + 1] = table.concat(all)
for _, codec in ipairs { "bit", "hex", "base32", "crockford", "base64", "url64" } do
  local to, from = basexx["to_" .. codec], basexx["from_" .. codec]
  for i, s in ipairs(inputs) do
    local e = to(s)
    local d = from(e)
    print(codec, i, #e, e:sub(1, 72), d == s)
  end
end
-- z85 needs lengths that are multiples of 4
for _, s in ipairs { "", "abcd", "\134\79\210\111\181\48\145\234", string.rep("\0\255", 8) } do
  local e = basexx.to_z85(s)
  print("z85", #s, e, basexx.from_z85(e) == s)
end
check("z85 bad length", basexx.to_z85, "abc")
print(basexx.from_hex("48 65-6c 6c6f", " -"))
print(basexx.from_base64("SGVs\nbG8g\r\nV29y bGQ=", " \r\n"))
print(basexx.from_base32("MZXW6YTB OI======", " "))
print(basexx.from_crockford("CSQPYRK1E8"), basexx.from_crockford("csqpyrk1e8"), basexx.from_crockford("CSQPYRKLE8"))
check("bad hex", basexx.from_hex, "zz")
check("bad base64", basexx.from_base64, "SGVsbG8*")
check("bad base32", basexx.from_base32, "1111")
check("bad bit", basexx.from_bit, "0102")
print(basexx.to_bit("A"), basexx.from_bit("01000001"), basexx.from_bit("01000001 01000010", " "))
print(basexx.to_url64("\251\255\191"), basexx.to_base64("\251\255\191"))
