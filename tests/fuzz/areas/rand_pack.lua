-- Area probe (conf13a): random string.pack formats and values, then packsize and unpack; seeded, compare with lua5.4 (run.sh). Seed: arg[1] or 1.
math.randomseed(tonumber(arg and arg[1]) or 1)
local opts = {"b", "B", "h", "H", "i", "I", "l", "L", "j", "J", "T", "f", "d", "n", "s", "z", "x", "c", "X", "<", ">", "=", "!", " ", "i3", "I5", "i16", "I9", "s1", "s2", "c3", "c0", "!2", "!8", "!16", "Xi4", "Xd", "i17", "!3", "y", "i0"}
local vals = {0, 1, -1, 127, 128, 255, 256, -129, 65535, 2^31, -2^31, math.maxinteger, math.mininteger, 1.5, -0.0, 1e300, 0/0, "ab", "", "a\0", "xyz1234567", 3.0}
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
for i = 1, 15000 do
  local t = {} for j = 1, math.random(1, 5) do t[j] = opts[math.random(#opts)] end
  local f = table.concat(t)
  local args = {} for j = 1, 5 do args[j] = vals[math.random(#vals)] end
  local ok, r = pcall(string.pack, f, table.unpack(args))
  local out = ok and hex(r) or r
  local ok2, sz = pcall(string.packsize, f)
  local u = ""
  if ok then
    local res = table.pack(pcall(string.unpack, f, r, math.random(-2, 3)))
    for k = 1, res.n do res[k] = string.format("%q", math.type(res[k]) == "float" and res[k] ~= res[k] and "nan" or res[k]) end
    u = table.concat(res, ",")
  end
  print(f, ok, out, ok2, sz, u)
end
