-- Area probe (conf13a): random numerals through tonumber (with and without a base), arithmetic and bitwise coercion; seeded, compare with lua5.4 (run.sh). Seed: arg[1] or 1.
math.randomseed(tonumber(arg and arg[1]) or 1)
local parts = {"0", "1", "9", "x", "X", "0x", ".", "e", "E", "p", "P", "+", "-", " ", "\t", "a", "f", "F", "z", "inf", "nan", "\0", "7fffffffffffffff", "8000000000000000", "99999999999999999999", "1e308", "1e-400"}
for i = 1, 20000 do
  local t = {} for j = 1, math.random(1, 5) do t[j] = parts[math.random(#parts)] end
  local s = table.concat(t)
  local base = math.random(4) == 1 and math.random(2, 36) or nil
  local ok, r = pcall(tonumber, s, base)
  local ok2, r2 = pcall(function() return s + 0 end)
  local ok3, r3 = pcall(function() return s | 0 end)
  local function sh(v) return math.type(v) == "float" and string.format("%a", v) or tostring(v) end
  print(string.format("%q", s), base, ok, sh(r), ok2, ok2 and sh(r2) or r2, ok3)
end
