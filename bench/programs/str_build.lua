-- str_build: string building as held-out programs do it: `s = s .. x` in short loops,
-- string.format of records, string.rep for padding, gsub with a replacement table and with a
-- pattern, and chains `a .. b .. c .. d`. Each round builds a small report; the checksum covers
-- the lengths and a few bytes of everything built.
local N = tonumber(arg and arg[1]) or 27000
local seed = 12345
local function rnd(n)
  seed = (seed * 16807) % 2147483647
  return seed % n
end

local WORDS = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta" }
local SUBST = { alpha = "A", beta = "B", gamma = "G", delta = "D", eta = "H" }
local sum = 0
local function mix(s)
  sum = (sum * 31 + #s + s:byte(1) + s:byte(#s)) % 2147483647
end

for round = 1, N do
  -- s = s .. x in a short loop
  local s = ""
  for i = 1, 40 do
    s = s .. WORDS[rnd(8) + 1]
    if i % 8 == 0 then s = s .. "," end
  end
  mix(s)
  -- chains of several parts
  local line = ""
  for i = 1, 20 do
    line = line .. "[" .. i .. ":" .. WORDS[(i % 8) + 1] .. "]"
  end
  mix(line)
  -- string.format and string.rep
  local rows = {}
  for i = 1, 12 do
    local name = WORDS[rnd(8) + 1]
    rows[i] = string.format("%-3d|%s%s|%5d|%x", i, name, string.rep(".", 10 - #name), rnd(100000), rnd(65536))
  end
  local rep = table.concat(rows, "\n")
  mix(rep)
  -- gsub with a replacement table, with a pattern and %1
  local g = s:gsub("%a+", SUBST)
  mix(g)
  local h = line:gsub("%[(%d+):(%a+)%]", "<%2=%1>")
  mix(h)
  -- string.rep with growing counts and tostring
  local pad = string.rep("ab", round % 50 + 1) .. tostring(round)
  mix(pad)
end
print("str_build", N, sum)
