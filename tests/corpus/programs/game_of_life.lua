local W, H = 10, 8
local function new_grid() local g = {} for y = 1, H do g[y] = {} for x = 1, W do g[y][x] = false end end return g end
local grid = new_grid()
-- glider and blinker
for _, p in ipairs({{2, 1}, {3, 2}, {1, 3}, {2, 3}, {3, 3}, {8, 6}, {8, 7}, {8, 8}}) do grid[p[2]][p[1]] = true end
local function neighbours(g, x, y)
  local n = 0
  for dy = -1, 1 do for dx = -1, 1 do
    if not (dx == 0 and dy == 0) then
      local xx, yy = (x + dx - 1) % W + 1, (y + dy - 1) % H + 1
      if g[yy][xx] then n = n + 1 end
    end
  end end
  return n
end
local function step(g)
  local ng = new_grid()
  for y = 1, H do for x = 1, W do
    local n = neighbours(g, x, y)
    ng[y][x] = (g[y][x] and (n == 2 or n == 3)) or (not g[y][x] and n == 3)
  end end
  return ng
end
local function show(g, gen)
  print("generation " .. gen)
  local alive = 0
  for y = 1, H do
    local row = {}
    for x = 1, W do row[x] = g[y][x] and "#" or "." if g[y][x] then alive = alive + 1 end end
    print(table.concat(row))
  end
  print("alive", alive)
end
show(grid, 0)
for gen = 1, 4 do grid = step(grid) end
show(grid, 4)
for gen = 5, 20 do grid = step(grid) end
show(grid, 20)
