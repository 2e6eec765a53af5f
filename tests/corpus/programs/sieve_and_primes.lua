local function sieve(n)
  local is = {}
  for i = 2, n do is[i] = true end
  for i = 2, math.floor(math.sqrt(n)) do
    if is[i] then for j = i * i, n, i do is[j] = false end end
  end
  local primes = {}
  for i = 2, n do if is[i] then primes[#primes + 1] = i end end
  return primes
end
local p = sieve(1000)
print("count", #p, "last", p[#p])
print(table.concat(p, " ", 1, 15))
local function factor(n)
  local f = {}
  local d = 2
  while d * d <= n do
    while n % d == 0 do f[#f + 1] = d n = n // d end
    d = d + 1
  end
  if n > 1 then f[#f + 1] = n end
  return table.concat(f, "*")
end
for _, n in ipairs({360, 97, 1001, 65536, 999999, 600851475143}) do print(n, factor(n)) end
local twins = 0
for i = 1, #p - 1 do if p[i + 1] - p[i] == 2 then twins = twins + 1 end end
print("twin pairs below 1000", twins)
