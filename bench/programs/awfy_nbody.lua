-- awfy_nbody.lua: the n-body simulation of the Jovian planets written with a
-- Body class and an NBodySystem class (after the Are-We-Fast-Yet "NBody"
-- description; the repository's nbody.lua is the plain-table version).
-- Stresses: float arithmetic on object fields, method calls, math.sqrt.
-- Size parameter (arg[1]): number of simulation steps.
local N = tonumber(arg and arg[1]) or 500000

local PI = 3.141592653589793
local SOLAR_MASS = 4 * PI * PI
local DAYS_PER_YEAR = 365.24
local sqrt = math.sqrt

local Body = {}
Body.__index = Body
function Body.new(x, y, z, vx, vy, vz, mass)
  return setmetatable({x = x, y = y, z = z, vx = vx * DAYS_PER_YEAR, vy = vy * DAYS_PER_YEAR,
                       vz = vz * DAYS_PER_YEAR, mass = mass * SOLAR_MASS}, Body)
end
function Body:offsetMomentum(px, py, pz)
  self.vx = 0.0 - (px / SOLAR_MASS)
  self.vy = 0.0 - (py / SOLAR_MASS)
  self.vz = 0.0 - (pz / SOLAR_MASS)
end

local function jupiter()
  return Body.new(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
    1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04)
end
local function saturn()
  return Body.new(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
    -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04)
end
local function uranus()
  return Body.new(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
    2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05)
end
local function neptune()
  return Body.new(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
    2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05)
end
local function sun() return Body.new(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0) end

local NBodySystem = {}
NBodySystem.__index = NBodySystem
function NBodySystem.new()
  local bodies = {sun(), jupiter(), saturn(), uranus(), neptune()}
  local px, py, pz = 0.0, 0.0, 0.0
  for _, b in ipairs(bodies) do
    px = px + b.vx * b.mass
    py = py + b.vy * b.mass
    pz = pz + b.vz * b.mass
  end
  bodies[1]:offsetMomentum(px, py, pz)
  return setmetatable({bodies = bodies}, NBodySystem)
end

function NBodySystem:advance(dt)
  local bodies = self.bodies
  local n = #bodies
  for i = 1, n do
    local iBody = bodies[i]
    for j = i + 1, n do
      local jBody = bodies[j]
      local dx = iBody.x - jBody.x
      local dy = iBody.y - jBody.y
      local dz = iBody.z - jBody.z
      local dSquared = dx * dx + dy * dy + dz * dz
      local distance = sqrt(dSquared)
      local mag = dt / (dSquared * distance)
      iBody.vx = iBody.vx - dx * jBody.mass * mag
      iBody.vy = iBody.vy - dy * jBody.mass * mag
      iBody.vz = iBody.vz - dz * jBody.mass * mag
      jBody.vx = jBody.vx + dx * iBody.mass * mag
      jBody.vy = jBody.vy + dy * iBody.mass * mag
      jBody.vz = jBody.vz + dz * iBody.mass * mag
    end
  end
  for i = 1, n do
    local body = bodies[i]
    body.x = body.x + dt * body.vx
    body.y = body.y + dt * body.vy
    body.z = body.z + dt * body.vz
  end
end

function NBodySystem:energy()
  local e = 0.0
  local bodies = self.bodies
  local n = #bodies
  for i = 1, n do
    local iBody = bodies[i]
    e = e + 0.5 * iBody.mass * (iBody.vx * iBody.vx + iBody.vy * iBody.vy + iBody.vz * iBody.vz)
    for j = i + 1, n do
      local jBody = bodies[j]
      local dx = iBody.x - jBody.x
      local dy = iBody.y - jBody.y
      local dz = iBody.z - jBody.z
      e = e - (iBody.mass * jBody.mass) / sqrt(dx * dx + dy * dy + dz * dz)
    end
  end
  return e
end

local system = NBodySystem.new()
local e0 = system:energy()
for _ = 1, N do system:advance(0.01) end
local e1 = system:energy()
print("energy before", math.floor(-e0 * 1e9 + 0.5))
print("energy after", math.floor(-e1 * 1e9 + 0.5))
