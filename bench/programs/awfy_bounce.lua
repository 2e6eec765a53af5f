-- awfy_bounce.lua: balls bouncing in a box (after the Are-We-Fast-Yet "Bounce"
-- description), written as idiomatic object-oriented Lua.
-- Stresses: a Ball class with fields and methods through __index, a Random
-- class, float-free integer arithmetic, method calls in a tight loop.
-- Size parameter (arg[1]): number of benchmark iterations.
local N = tonumber(arg and arg[1]) or 1500

local Random = {}
Random.__index = Random
function Random.new() return setmetatable({seed = 74755}, Random) end
function Random:next()
  self.seed = (self.seed * 1309 + 13849) % 65536
  return self.seed
end

local Ball = {}
Ball.__index = Ball
function Ball.new(random)
  local self = setmetatable({}, Ball)
  self.x = random:next() % 500
  self.y = random:next() % 500
  self.xVel = (random:next() % 300) - 150
  self.yVel = (random:next() % 300) - 150
  return self
end

function Ball:bounce()
  local xLimit, yLimit = 500, 500
  local bounced = false
  self.x = self.x + self.xVel
  self.y = self.y + self.yVel
  if self.x > xLimit then self.x = xLimit; self.xVel = 0 - math.abs(self.xVel); bounced = true end
  if self.x < 0 then self.x = 0; self.xVel = math.abs(self.xVel); bounced = true end
  if self.y > yLimit then self.y = yLimit; self.yVel = 0 - math.abs(self.yVel); bounced = true end
  if self.y < 0 then self.y = 0; self.yVel = math.abs(self.yVel); bounced = true end
  return bounced
end

local function benchmark()
  local random = Random.new()
  local ballCount = 100
  local bounces = 0
  local balls = {}
  for i = 1, ballCount do balls[i] = Ball.new(random) end
  for _ = 1, 50 do
    for i = 1, #balls do
      if balls[i]:bounce() then bounces = bounces + 1 end
    end
  end
  return bounces
end

local total = 0
for _ = 1, N do
  local r = benchmark()
  if r ~= 1331 then error("bounce: wrong result " .. r) end
  total = total + r
end
print("bounces", total)
