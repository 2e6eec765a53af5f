-- loops_int.lua: integer arithmetic in tight loops (+, -, *, % and comparisons only;
-- every intermediate value stays below 2^31 so that implementations with a 32-bit
-- integer fast path and 5.4-style 64-bit integers compute the same thing).
-- Stresses: numeric for loops, integer arithmetic, while loops, locals.
-- Size parameter (arg[1]): number of iterations of the main loop.
local N = tonumber(arg and arg[1]) or 35000000
local M = 2147483647

-- 1. Park-Miller minimal standard generator (multiply + modulo).
local x, acc = 1, 0
for i = 1, N do
  x = (x * 16807) % M
  acc = (acc + x % 1000) % M
end

-- 2. Euclid's gcd over a grid (modulo + while loop).
local g = 0
local side = 1
while side * side < N / 4 do side = side + 1 end
for i = 1, side do
  for j = 1, side do
    local a, b = i, j
    while b ~= 0 do a, b = b, a % b end
    g = g + a
  end
end

-- 3. Sum of squares modulo M with branches.
local s = 0
for i = 1, N do
  if i % 3 == 0 then
    s = (s + i * 7) % M
  elseif i % 3 == 1 then
    s = (s - i + M) % M
  else
    s = (s + (i % 1000) * (i % 1000)) % M
  end
end

print(string.format("loops_int %d %d %d %d", x, acc, g, s))
