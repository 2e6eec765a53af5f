-- Area probe (conf13a): random byte strings through utf8.len/codepoint/offset/codes (lax or not) and utf8.char of random values; seeded, compare with lua5.4 (run.sh). Seed: arg[1] or 1.
math.randomseed(tonumber(arg and arg[1]) or 1)
local bytes = {0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xf8, 0xfc, 0xfd, 0xfe, 0xff, 0xa0, 0x90, 0x8f, 0x00}
local function q(...) local t = table.pack(...) for i = 1, t.n do t[i] = string.format("%q", t[i]) end return table.concat(t, ",") end
for i = 1, 15000 do
  local t = {} for j = 1, math.random(0, 7) do t[j] = string.char(bytes[math.random(#bytes)]) end
  local s = table.concat(t)
  local a, b = math.random(-9, 9), math.random(-9, 9)
  local lax = math.random(2) == 1
  local r1 = q(pcall(utf8.len, s, a, b, lax))
  local r2 = q(pcall(utf8.codepoint, s, a, b, lax))
  local r3 = q(pcall(utf8.offset, s, a, b))
  local g = {}
  local ok, e = pcall(function() for p, c in utf8.codes(s, lax) do g[#g + 1] = p .. ":" .. c end end)
  local n = math.random(-10, 0x7FFFFFFF + 2)
  if math.random(3) == 1 then n = math.random(0, 0x110000) end
  local r5 = q(pcall(utf8.char, n))
  print(q(s), a, b, lax, r1, r2, r3, ok, e, table.concat(g, " "), r5)
end
