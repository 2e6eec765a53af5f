-- functional.lua: a closure-heavy functional workload.
-- Stresses: higher-order functions (map/filter/reduce/zip/range), closures that
-- capture loop variables and mutable upvalues, iterator closures used by generic
-- for, function pipelines built with compose, partial application, memoization.
-- Size parameter (arg[1]): number of rounds.
local N = tonumber(arg and arg[1]) or 20000
local M = 2147483647

local function range(a, b)
  local i = a - 1
  return function()
    i = i + 1
    if i <= b then return i end
  end
end

local function collect(iter)
  local t, n = {}, 0
  for v in iter do n = n + 1; t[n] = v end
  return t
end

local function map(f, t)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end

local function filter(p, t)
  local r, n = {}, 0
  for i = 1, #t do
    local v = t[i]
    if p(v) then n = n + 1; r[n] = v end
  end
  return r
end

local function foldl(f, acc, t)
  for i = 1, #t do acc = f(acc, t[i]) end
  return acc
end

local function zipwith(f, a, b)
  local r = {}
  for i = 1, math.min(#a, #b) do r[i] = f(a[i], b[i]) end
  return r
end

local function compose(...)
  local fs = {...}
  return function(x)
    for i = #fs, 1, -1 do x = fs[i](x) end
    return x
  end
end

local function partial(f, a) return function(b) return f(a, b) end end
local function add(a, b) return a + b end
local function mul(a, b) return a * b end
local function modm(x) return x % 1000003 end

local function memoize(f)
  local cache = {}
  return function(x)
    local v = cache[x]
    if v == nil then v = f(x); cache[x] = v end
    return v
  end
end

local collatz = memoize(function(n)
  local steps = 0
  while n ~= 1 do
    if n % 2 == 0 then n = n / 2 else n = 3 * n + 1 end
    steps = steps + 1
  end
  return steps
end)

local acc = 0
for round = 1, N do
  local xs = collect(range(round, round + 199))
  local f = compose(modm, partial(add, round), partial(mul, 3))
  local ys = map(f, xs)
  local evens = filter(function(v) return v % 2 == 0 end, ys)
  local counters = {}
  for i = 1, 10 do
    local count = 0
    counters[i] = function(d) count = count + d * i; return count end
  end
  local zs = zipwith(function(a, b) return counters[a % 10 + 1](b % 7) end, xs, evens)
  local s = foldl(add, 0, zs)
  local c = foldl(function(a, v) return a + collatz(v % 5000 + 1) end, 0, xs)
  acc = (acc * 31 + s + c + #evens) % M
end
print(string.format("functional: %d rounds, checksum %d", N, acc))
