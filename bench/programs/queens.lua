-- queens.lua: N-queens by backtracking, and permutations by recursive swapping.
-- Stresses: recursion, boolean arrays indexed by computed integers, table
-- reads/writes in tight loops, a callback per permutation.
-- Size parameter (arg[1]): the board size (permutations use size - 2 elements).
local N = tonumber(arg and arg[1]) or 13
local M = 2147483647

local function queens(n)
  local cols, d1, d2 = {}, {}, {}
  for i = 1, 2 * n do cols[i] = false; d1[i] = false; d2[i] = false end
  local pos = {}
  local count, sig = 0, 0
  local function place(row)
    if row > n then
      count = count + 1
      sig = (sig * 3 + pos[1] * 7 + pos[n]) % M
      return
    end
    for c = 1, n do
      local a, b = row + c, row - c + n
      if not cols[c] and not d1[a] and not d2[b] then
        cols[c], d1[a], d2[b] = true, true, true
        pos[row] = c
        place(row + 1)
        cols[c], d1[a], d2[b] = false, false, false
      end
    end
  end
  place(1)
  return count, sig
end

local function permute(a, n, visit)
  if n <= 1 then
    visit(a)
    return
  end
  for i = 1, n do
    permute(a, n - 1, visit)
    local j = (n % 2 == 0) and i or 1
    a[j], a[n] = a[n], a[j]
  end
end

local total = 0
for n = 4, N do
  local c, s = queens(n)
  total = (total * 31 + c + s) % M
end

local k = N - 3
local a = {}
for i = 1, k do a[i] = i end
local perms, acc = 0, 0
permute(a, k, function(p)
  perms = perms + 1
  acc = (acc + p[1] * 100 + p[2] * 10 + p[k]) % M
end)
print(string.format("queens(%d): %d; permutations of %d: %d, %d", N, total, k, perms, acc))
