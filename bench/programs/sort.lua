-- sort.lua: table.sort of 1,000,000 integers, with and without a comparator.
-- Stresses: table.sort (default < ordering and a Lua comparator function),
-- plus array reads/writes to generate and verify the data.
-- Size parameter (arg[1]): number of elements (default 1,000,000).
local N = tonumber(arg and arg[1]) or 1000000
local M = 2147483647

local function gen(n, seed)
  local t = {}
  for i = 1, n do
    seed = (seed * 16807) % M
    t[i] = seed % 10000000
  end
  return t
end

local function check(t, descending)
  local h = 0
  for i = 2, #t do
    local x, y = t[i - 1], t[i]
    if (descending and x < y) or (not descending and x > y) then error("not sorted at " .. i) end
  end
  for i = 1, #t, 997 do h = (h * 31 + t[i]) % M end
  return h
end

local a = gen(N, 12345)
table.sort(a)
local h1 = check(a, false)

local b = gen(N, 54321)
table.sort(b, function(x, y) return x > y end)
local h2 = check(b, true)

print(string.format("sort n=%d min=%d max=%d h1=%d h2=%d", N, a[1], b[1], h1, h2))
