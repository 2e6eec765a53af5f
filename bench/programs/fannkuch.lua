-- fannkuch.lua: the fannkuch-redux permutation benchmark.
-- Stresses: small integer arrays read and written by index, swaps with multiple
-- assignment, nested while loops, integer arithmetic and comparisons.
-- Size parameter (arg[1]): the permutation length n.
local n = tonumber(arg and arg[1]) or 10

local function fannkuch(n)
  local perm, perm1, count = {}, {}, {}
  for i = 1, n do perm1[i] = i end
  local maxflips, checksum, permcount = 0, 0, 0
  local r = n
  while true do
    while r > 1 do count[r] = r; r = r - 1 end
    for i = 1, n do perm[i] = perm1[i] end
    -- count the flips of this permutation
    local flips = 0
    local k = perm[1]
    while k ~= 1 do
      local lo, hi = 1, k
      while lo < hi do
        perm[lo], perm[hi] = perm[hi], perm[lo]
        lo = lo + 1
        hi = hi - 1
      end
      flips = flips + 1
      k = perm[1]
    end
    if flips > maxflips then maxflips = flips end
    if permcount % 2 == 0 then checksum = checksum + flips else checksum = checksum - flips end
    permcount = permcount + 1
    -- next permutation in the counting order
    while true do
      if r == n then return checksum, maxflips, permcount end
      local first = perm1[1]
      for i = 1, r do perm1[i] = perm1[i + 1] end
      perm1[r + 1] = first
      local c = count[r + 1] - 1
      count[r + 1] = c
      if c > 0 then break end
      r = r + 1
    end
  end
end

local checksum, maxflips, perms = fannkuch(n)
print(string.format("fannkuch(%d): checksum %d, max flips %d, permutations %d", n, checksum, maxflips, perms))
