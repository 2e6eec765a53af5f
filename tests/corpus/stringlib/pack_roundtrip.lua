-- pack then unpack many values with mixed formats
local seed = 42
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n end
local fmt = "<!8 b B h H i4 I8 j d f z s2 x c4 Xi8 n"
local mismatches = 0
for k = 1, 200 do
  local vals = {rnd(256) - 128, rnd(256), rnd(65536) - 32768, rnd(65536), rnd(2^24) - 2^23, rnd(2^31) * 512 + rnd(512),
    rnd(2^31) * rnd(2^31) - 2^60, rnd(100000) / 7, 0.5 * rnd(1000), ("w"):rep(rnd(10)), ("v"):rep(rnd(300)),
    string.char(rnd(256), rnd(256), rnd(256), rnd(256)), rnd(1000) / 3}
  local p = string.pack(fmt, table.unpack(vals))
  local back = {string.unpack(fmt, p)}
  for i = 1, #vals do if back[i] ~= vals[i] then mismatches = mismatches + 1 end end
  if k <= 3 then print(#p, back[#back], back[8], back[13]) end
end
print("mismatches", mismatches)
