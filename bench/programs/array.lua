-- array.lua: array-part table work.
-- Stresses: integer-indexed table reads/writes (t[i]), the length operator,
-- table growth by appending, numeric for loops with steps.
-- Size parameter (arg[1]): array size; the sieve and fill/sum/reverse passes run on it.
local N = tonumber(arg and arg[1]) or 3000000
local ROUNDS = 5
local M = 2147483647

-- Sieve of Eratosthenes over a boolean array.
local function sieve(n)
  local composite = {}
  for i = 1, n do composite[i] = false end
  local count = 0
  for i = 2, n do
    if not composite[i] then
      count = count + 1
      for j = i * i, n, i do composite[j] = true end
    end
  end
  return count
end

-- Fill by appending, sum, reverse in place, then a prefix-sum pass.
local function fill_sum_reverse(n)
  local t = {}
  for i = 1, n do t[#t + 1] = (i * 7) % 1000 end
  local s = 0
  for i = 1, #t do s = s + t[i] end
  local i, j = 1, #t
  while i < j do
    t[i], t[j] = t[j], t[i]
    i, j = i + 1, j - 1
  end
  for k = 2, n do t[k] = (t[k] + t[k - 1]) % M end
  return (s + t[1] * 3 + t[n]) % M
end

local primes, acc = 0, 0
for r = 1, ROUNDS do
  primes = sieve(N)
  acc = (acc + fill_sum_reverse(N)) % M
end
print(string.format("array %d primes, checksum %d", primes, acc))
