-- hash.lua: hash-part table work with string keys and sparse integer keys.
-- Stresses: table inserts/lookups/deletes in the hash part, string interning of
-- freshly built keys, next()/pairs() iteration, rehashing as tables grow.
-- Size parameter (arg[1]): number of keys per round.
local N = tonumber(arg and arg[1]) or 200000
local ROUNDS = 4
local M = 2147483647

local acc = 0
for r = 1, ROUNDS do
  -- String keys.
  local byname = {}
  for i = 1, N do byname["key" .. i] = i end
  local hits = 0
  for i = 1, N, 3 do
    local v = byname["key" .. i]
    if v then hits = hits + v end
  end
  for i = 2, N, 2 do byname["key" .. i] = nil end   -- delete half
  local misses = 0
  for i = 1, N, 5 do
    if byname["key" .. i] == nil then misses = misses + 1 end
  end

  -- Sparse integer keys (land in the hash part, not the array part).
  local sparse = {}
  for i = 1, N do sparse[i * 7919 + r] = i end
  local s = 0
  for i = 1, N do s = (s + sparse[i * 7919 + r]) % M end
  for i = 1, N, 2 do sparse[i * 7919 + r] = nil end

  -- Iteration (order-independent sums).
  local cnt, vsum = 0, 0
  for k, v in pairs(byname) do cnt = cnt + 1; vsum = (vsum + v) % M end
  for k, v in pairs(sparse) do cnt = cnt + 1; vsum = (vsum + v + k % 1000) % M end

  -- Mixed small tables used as records with fixed string fields.
  local rec = 0
  for i = 1, N do
    local t = { name = "n", id = i, score = i % 100 }
    t.extra = t.score * 2
    rec = (rec + t.id % 7 + t.extra) % M
  end

  acc = (acc + hits % M + misses + s + cnt + vsum + rec) % M
end
print(string.format("hash checksum %d", acc))
