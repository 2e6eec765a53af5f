-- life.lua: Conway's game of life on a torus, in a 2-D table of rows.
-- Stresses: 2-D tables (t[y][x]), neighbour reads with wrap-around computed by %,
-- allocating a new generation each step (row tables), counting live cells,
-- string building of a row for the checksum.
-- Size parameter (arg[1]): number of generations.
local GENS = tonumber(arg and arg[1]) or 1000
local W, H = 128, 96
local M = 2147483647

local seed = 2024
local function rnd(n)
  seed = (seed * 16807) % M
  return seed % n
end

local function new_grid()
  local g = {}
  for y = 1, H do
    local row = {}
    for x = 1, W do row[x] = 0 end
    g[y] = row
  end
  return g
end

local grid = new_grid()
for y = 1, H do
  for x = 1, W do
    if rnd(100) < 30 then grid[y][x] = 1 end
  end
end
-- a glider gun area kept clear, and a few gliders
for y = 10, 20 do for x = 10, 30 do grid[y][x] = 0 end end
grid[11][12], grid[12][13], grid[13][11], grid[13][12], grid[13][13] = 1, 1, 1, 1, 1

local function step(g)
  local n = new_grid()
  for y = 1, H do
    local up, row, down = g[(y - 2) % H + 1], g[y], g[y % H + 1]
    local nrow = n[y]
    for x = 1, W do
      local l, r = (x - 2) % W + 1, x % W + 1
      local c = up[l] + up[x] + up[r] + row[l] + row[r] + down[l] + down[x] + down[r]
      if c == 3 or (c == 2 and row[x] == 1) then nrow[x] = 1 end
    end
  end
  return n
end

local function population(g)
  local p = 0
  for y = 1, H do
    local row = g[y]
    for x = 1, W do p = p + row[x] end
  end
  return p
end

local acc = 0
for gen = 1, GENS do
  grid = step(grid)
  if gen % 10 == 0 then
    local p = population(grid)
    local line = {}
    for x = 1, W do line[x] = grid[gen % H + 1][x] == 1 and "#" or "." end
    local s = table.concat(line)
    local h = 0
    for i = 1, #s do h = (h * 3 + string.byte(s, i)) % M end
    acc = (acc * 31 + p + h) % M
  end
end
print(string.format("life: %d generations, population %d, checksum %d", GENS, population(grid), acc))
