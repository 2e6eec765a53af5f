-- float_arrays: float arithmetic held in tables, as n-body and spectral-norm do it: records of
-- fields (x, y, z, vx, vy, vz, mass) advanced with pairwise forces, and flat arrays of floats
-- (positions in a structure-of-arrays layout, vectors multiplied by an implicit matrix).
-- Floats reach the output as scaled integers (math.floor(x * 1e6 + 0.5)).
local N = tonumber(arg and arg[1]) or 60
local sqrt = math.sqrt

-- part 1: records
local bodies = {}
local seed = 4242
local function rnd()
  seed = (seed * 16807) % 2147483647
  return seed / 2147483647
end
for i = 1, 12 do
  bodies[i] = { x = rnd() * 10, y = rnd() * 10, z = rnd() * 10,
                vx = rnd() - 0.5, vy = rnd() - 0.5, vz = rnd() - 0.5, mass = rnd() + 0.5 }
end

local function advance(dt)
  local n = #bodies
  for i = 1, n do
    local bi = bodies[i]
    local bix, biy, biz, bim = bi.x, bi.y, bi.z, bi.mass
    local bivx, bivy, bivz = bi.vx, bi.vy, bi.vz
    for j = i + 1, n do
      local bj = bodies[j]
      local dx, dy, dz = bix - bj.x, biy - bj.y, biz - bj.z
      local d2 = dx * dx + dy * dy + dz * dz + 0.01
      local mag = dt / (d2 * sqrt(d2))
      local bm = bj.mass * mag
      bivx, bivy, bivz = bivx - dx * bm, bivy - dy * bm, bivz - dz * bm
      bm = bim * mag
      bj.vx = bj.vx + dx * bm
      bj.vy = bj.vy + dy * bm
      bj.vz = bj.vz + dz * bm
    end
    bi.vx, bi.vy, bi.vz = bivx, bivy, bivz
    bi.x = bix + dt * bivx
    bi.y = biy + dt * bivy
    bi.z = biz + dt * bivz
  end
end

-- part 2: arrays of floats (structure of arrays)
local M = 400
local px, py, vx, vy = {}, {}, {}, {}
for i = 1, M do
  px[i], py[i], vx[i], vy[i] = rnd(), rnd(), 0.0, 0.0
end
local function step_arrays(dt)
  for i = 1, M do
    local cx, cy = 0.5 - px[i], 0.5 - py[i]
    vx[i] = vx[i] * 0.999 + cx * dt
    vy[i] = vy[i] * 0.999 + cy * dt
  end
  for i = 1, M do
    px[i] = px[i] + vx[i] * dt
    py[i] = py[i] + vy[i] * dt
  end
end

-- part 3: spectral-norm-like products with arrays of floats
local function A(i, j)
  local ij = i + j - 1
  return 1.0 / (ij * (ij - 1) * 0.5 + i)
end
local function mulAv(n, v, av)
  for i = 1, n do
    local a = 0.0
    for j = 1, n do a = a + A(i, j) * v[j] end
    av[i] = a
  end
end
local function mulAtv(n, v, atv)
  for i = 1, n do
    local a = 0.0
    for j = 1, n do a = a + A(j, i) * v[j] end
    atv[i] = a
  end
end

local function scaled(x) return math.floor(x * 1e6 + 0.5) % 2147483647 end

local sum = 0
for round = 1, N do
  for _ = 1, 400 do advance(0.001) end
  for _ = 1, 100 do step_arrays(0.01) end
  local n = 120
  local u, v, t = {}, {}, {}
  for i = 1, n do u[i] = 1.0 end
  for _ = 1, 4 do
    mulAv(n, u, t); mulAtv(n, t, v)
    mulAv(n, v, t); mulAtv(n, t, u)
  end
  local vBv, vv = 0.0, 0.0
  for i = 1, n do vBv = vBv + u[i] * v[i]; vv = vv + v[i] * v[i] end
  sum = (sum + scaled(sqrt(vBv / vv)) + scaled(bodies[1].x) + scaled(px[M])) % 2147483647
end
print("float_arrays", N, sum)
