local function memoize(f)
  local cache = {}
  local hits, misses = 0, 0
  local function key(...)
    local parts = {}
    for i = 1, select('#', ...) do parts[i] = tostring((select(i, ...))) end
    return table.concat(parts, "\0")
  end
  return function(...)
    local k = key(...)
    local v = cache[k]
    if v then hits = hits + 1 return table.unpack(v, 1, v.n) end
    misses = misses + 1
    v = table.pack(f(...))
    cache[k] = v
    return table.unpack(v, 1, v.n)
  end, function() return hits, misses end
end
local binom, stats
binom, stats = memoize(function(n, k)
  if k == 0 or k == n then return 1 end
  return binom(n - 1, k - 1) + binom(n - 1, k)
end)
print(binom(30, 15), stats())
print(binom(30, 15), stats())
local divmod = memoize(function(a, b) return a // b, a % b end)
print(divmod(17, 5))
print(divmod(17, 5))
local paths
paths = memoize(function(r, c) if r == 0 or c == 0 then return 1 end return paths(r - 1, c) + paths(r, c - 1) end)
print(paths(16, 16))
