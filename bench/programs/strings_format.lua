-- strings_format.lua: string.format-heavy formatting.
-- Stresses: string.format with integer (%d %i %x %X %o %c, zero-padding, width,
-- left-justification, sign), string (%s) and quoted (%q) conversions.
-- Floating-point conversions (%f %e %g) and widths on %s are deliberately not used:
-- LuaJ 3.0.1 ignores precision/width there, which would break output comparison.
-- Size parameter (arg[1]): number of formatting iterations.
local N = tonumber(arg and arg[1]) or 700000
local M = 2147483647
local format = string.format

local words = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta" }
local h, total = 0, 0
for i = 1, N do
  local w = words[i % 8 + 1]
  local a = format("%d:%s", i, w)
  local b = format("[%5d|%-6d|%05d]", i % 100000, i % 1000, i % 10000)
  local c = format("%x %X %o", i, i * 3, i % 4096)
  local d = format("%c%c%c", 65 + i % 26, 97 + i % 26, 48 + i % 10)
  local e = format("%s=%d (%s) %+d%%", w, i * 2, a, i % 50 - 25)
  local f = format("%q", w .. "\t" .. i)
  local g = format("%s %s %s %s", a, b, c, d)
  local line = format("%s | %s | %s | %i", g, e, f, #g + #e)
  total = total + #line
  h = (h * 31 + #line + line:byte(#line) + line:byte(1 + i % #line)) % M
end
print(format("strings_format total=%d hash=%d", total, h))
