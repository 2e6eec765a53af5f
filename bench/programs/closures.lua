-- closures.lua: closures and upvalues.
-- Stresses: closure creation, upvalue reads/writes (open and closed upvalues),
-- calls through function values, higher-order functions (map/filter/reduce/compose),
-- varargs through select('#')/{...}.
-- Size parameter (arg[1]): number of outer iterations.
local N = tonumber(arg and arg[1]) or 550000
local M = 2147483647

local function make_counter(start, step)
  local n = start
  return function() n = n + step; return n end,
         function() return n end
end

local function map(t, f)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end

local function filter(t, p)
  local r = {}
  for i = 1, #t do if p(t[i]) then r[#r + 1] = t[i] end end
  return r
end

local function reduce(t, f, acc)
  for i = 1, #t do acc = f(acc, t[i]) end
  return acc
end

local function compose(f, g) return function(...) return f(g(...)) end end
local function curry2(f) return function(a) return function(b) return f(a, b) end end end
local function count_args(...) return select('#', ...) end

local base = {}
for i = 1, 20 do base[i] = i end

local acc = 0
for i = 1, N do
  local inc, get = make_counter(i, 3)
  for _ = 1, 5 do inc() end
  local k = i % 7
  local scaled = map(base, function(x) return x * k + get() % 5 end)
  local odd = filter(scaled, function(x) return x % 2 == 1 end)
  local sum = reduce(odd, function(a, b) return a + b end, 0)
  local add = curry2(function(a, b) return a + b end)
  local f = compose(add(k), function(x, y) return x * 2 + (y or 0) end)
  acc = (acc + sum + get() + f(i % 1000, 1) + count_args(i, nil, k)) % M
end
print(string.format("closures checksum %d", acc))
