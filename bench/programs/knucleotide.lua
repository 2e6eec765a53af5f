-- knucleotide.lua: k-nucleotide-like counting of substrings.
-- Stresses: building a long string with table.concat, string.sub of short
-- substrings, counting in a hash table with string keys, pairs, table.sort with
-- a comparator, string.format, string.upper/rep/byte.
-- Size parameter (arg[1]): the sequence length.
local N = tonumber(arg and arg[1]) or 250000
local M = 2147483647

-- Park-Miller generator
local seed = 42
local function rnd(n)
  seed = (seed * 16807) % M
  return seed % n
end

-- a random sequence with skewed frequencies (acgt), built in chunks
local probs = {"a", "a", "a", "c", "c", "g", "g", "g", "t", "t"}
local parts = {}
local line = {}
for i = 1, N do
  line[#line + 1] = probs[rnd(10) + 1]
  if #line == 60 then
    parts[#parts + 1] = table.concat(line)
    line = {}
  end
end
parts[#parts + 1] = table.concat(line)
local seq = string.upper(table.concat(parts))

local function frequencies(seq, k)
  local counts = {}
  for i = 1, #seq - k + 1 do
    local s = string.sub(seq, i, i + k - 1)
    counts[s] = (counts[s] or 0) + 1
  end
  return counts
end

local function sorted_report(counts)
  local keys = {}
  for k in pairs(counts) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    local ca, cb = counts[a], counts[b]
    if ca ~= cb then return ca > cb end
    return a < b
  end)
  local acc = 0
  for i, k in ipairs(keys) do
    acc = (acc * 31 + counts[k] * i + string.byte(k, 1)) % M
  end
  return acc, #keys
end

local checksum = 0
for _, k in ipairs({1, 2, 3, 4, 6, 12}) do
  local counts = frequencies(seq, k)
  local acc, nkeys = sorted_report(counts)
  checksum = (checksum * 7 + acc + nkeys) % M
end
for _, frag in ipairs({"GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT", string.rep("AC", 5)}) do
  local counts = frequencies(seq, #frag)
  checksum = (checksum * 7 + (counts[frag] or 0)) % M
end
print(string.format("knucleotide(%d): checksum %d", N, checksum))
