-- awfy_cd.lua: aircraft collision detection (after the Are-We-Fast-Yet "CD"
-- description, itself after the CDx benchmark): a simulator moves aircraft on
-- crossing paths, a detector hashes each motion into voxels kept in a red-black
-- tree, then tests the motions sharing a voxel for a close approach.
-- Written with classes for vectors, call signs, motions, a left-leaning
-- red-black tree map, the simulator and the detector.
-- Stresses: float vector arithmetic allocating small objects, comparisons through
-- methods, a balanced binary tree, recursion, closures passed to forEach.
-- Size parameter (arg[1]): number of aircraft.
local N = tonumber(arg and arg[1]) or 250
local FRAMES = 200

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

local MIN_X, MIN_Y, MAX_X, MAX_Y, MIN_Z, MAX_Z = 0.0, 0.0, 1000.0, 1000.0, 0.0, 10.0
local PROXIMITY_RADIUS = 1.0
local GOOD_VOXEL_SIZE = PROXIMITY_RADIUS * 10.0
local VOXEL_SIZE = GOOD_VOXEL_SIZE
local floor, sqrt = math.floor, math.sqrt

-- ------------------------------------------------------------- vectors
local Vector2D = class()
function Vector2D.new(x, y) return setmetatable({x = x, y = y}, Vector2D) end
function Vector2D:plus(o) return Vector2D.new(self.x + o.x, self.y + o.y) end
function Vector2D:minus(o) return Vector2D.new(self.x - o.x, self.y - o.y) end
local function compareNumbers(a, b)
  if a == b then return 0 end
  if a < b then return -1 end
  return 1
end
function Vector2D:compareTo(o)
  local r = compareNumbers(self.x, o.x)
  if r ~= 0 then return r end
  return compareNumbers(self.y, o.y)
end

local Vector3D = class()
function Vector3D.new(x, y, z) return setmetatable({x = x, y = y, z = z}, Vector3D) end
function Vector3D:plus(o) return Vector3D.new(self.x + o.x, self.y + o.y, self.z + o.z) end
function Vector3D:minus(o) return Vector3D.new(self.x - o.x, self.y - o.y, self.z - o.z) end
function Vector3D:dot(o) return self.x * o.x + self.y * o.y + self.z * o.z end
function Vector3D:squaredMagnitude() return self:dot(self) end
function Vector3D:magnitude() return sqrt(self:squaredMagnitude()) end
function Vector3D:times(a) return Vector3D.new(self.x * a, self.y * a, self.z * a) end

-- ------------------------------------------------------------- red-black tree map
-- Left-leaning red-black tree (Sedgewick) keyed by objects with compareTo.
local RED, BLACK = true, false
local Node = class()
function Node.new(key, value) return setmetatable({key = key, value = value, left = false, right = false, color = RED}, Node) end
local function isRed(n) return n and n.color == RED end
local function rotateLeft(h)
  local x = h.right
  h.right = x.left; x.left = h; x.color = h.color; h.color = RED
  return x
end
local function rotateRight(h)
  local x = h.left
  h.left = x.right; x.right = h; x.color = h.color; h.color = RED
  return x
end
local function flipColors(h)
  h.color = not h.color
  h.left.color = not h.left.color
  h.right.color = not h.right.color
end
local function balance(h)
  if isRed(h.right) and not isRed(h.left) then h = rotateLeft(h) end
  if isRed(h.left) and isRed(h.left.left) then h = rotateRight(h) end
  if isRed(h.left) and isRed(h.right) then flipColors(h) end
  return h
end

local TreeMap = class()
function TreeMap.new() return setmetatable({root = false, size = 0}, TreeMap) end
function TreeMap:get(key)
  local n = self.root
  while n do
    local c = key:compareTo(n.key)
    if c == 0 then return n.value end
    if c < 0 then n = n.left else n = n.right end
  end
  return nil
end
-- puts key -> value; returns the previous value or nil
function TreeMap:put(key, value)
  local old
  local function insert(h)
    if not h then self.size = self.size + 1; return Node.new(key, value) end
    local c = key:compareTo(h.key)
    if c < 0 then h.left = insert(h.left)
    elseif c > 0 then h.right = insert(h.right)
    else old = h.value; h.value = value end
    return balance(h)
  end
  self.root = insert(self.root)
  self.root.color = BLACK
  return old
end
local function moveRedLeft(h)
  flipColors(h)
  if isRed(h.right.left) then
    h.right = rotateRight(h.right)
    h = rotateLeft(h)
    flipColors(h)
  end
  return h
end
local function moveRedRight(h)
  flipColors(h)
  if isRed(h.left.left) then
    h = rotateRight(h)
    flipColors(h)
  end
  return h
end
local function minNode(h) while h.left do h = h.left end return h end
local function deleteMin(h)
  if not h.left then return false end
  if not isRed(h.left) and not isRed(h.left.left) then h = moveRedLeft(h) end
  h.left = deleteMin(h.left)
  return balance(h)
end
function TreeMap:remove(key)
  if self:get(key) == nil then return end
  local function delete(h)
    if key:compareTo(h.key) < 0 then
      if not isRed(h.left) and not isRed(h.left.left) then h = moveRedLeft(h) end
      h.left = delete(h.left)
    else
      if isRed(h.left) then h = rotateRight(h) end
      if key:compareTo(h.key) == 0 and not h.right then return false end
      if not isRed(h.right) and not isRed(h.right.left) then h = moveRedRight(h) end
      if key:compareTo(h.key) == 0 then
        local m = minNode(h.right)
        h.key, h.value = m.key, m.value
        h.right = deleteMin(h.right)
      else
        h.right = delete(h.right)
      end
    end
    return balance(h)
  end
  if not isRed(self.root.left) and not isRed(self.root.right) then self.root.color = RED end
  self.root = delete(self.root)
  self.size = self.size - 1
  if self.root then self.root.color = BLACK end
end
function TreeMap:forEach(fn)
  local function walk(n)
    if not n then return end
    walk(n.left)
    fn(n.key, n.value)
    walk(n.right)
  end
  walk(self.root)
end

-- ------------------------------------------------------------- aircraft and motions
local CallSign = class()
function CallSign.new(value) return setmetatable({value = value}, CallSign) end
function CallSign:compareTo(o) return compareNumbers(self.value, o.value) end

local Aircraft = class()
function Aircraft.new(callsign, position) return setmetatable({callsign = callsign, position = position}, Aircraft) end

local Collision = class()
function Collision.new(a, b, position) return setmetatable({a = a, b = b, position = position}, Collision) end

local Motion = class()
function Motion.new(callsign, posOne, posTwo)
  return setmetatable({callsign = callsign, posOne = posOne, posTwo = posTwo}, Motion)
end
function Motion:delta() return self.posTwo:minus(self.posOne) end

function Motion:findIntersection(other)
  local init1, init2 = self.posOne, other.posOne
  local vec1, vec2 = self:delta(), other:delta()
  local radius = PROXIMITY_RADIUS
  local a = vec2:minus(vec1):squaredMagnitude()
  if a ~= 0.0 then
    local b = 2.0 * init1:minus(init2):dot(vec1:minus(vec2))
    local c = -radius * radius + init2:minus(init1):squaredMagnitude()
    local discr = b * b - 4.0 * a * c
    if discr < 0.0 then return nil end
    local v1 = (-b - sqrt(discr)) / (2.0 * a)
    local v2 = (-b + sqrt(discr)) / (2.0 * a)
    if v1 <= v2 and ((v1 <= 1.0 and 1.0 <= v2) or (v1 <= 0.0 and 0.0 <= v2) or (0.0 <= v1 and v2 <= 1.0)) then
      local v = v1
      if v <= 0.0 then v = 0.0 end
      local result1 = init1:plus(vec1:times(v))
      local result2 = init2:plus(vec2:times(v))
      local result = result1:plus(result2):times(0.5)
      if result.x >= MIN_X and result.x <= MAX_X and result.y >= MIN_Y and result.y <= MAX_Y
         and result.z >= MIN_Z and result.z <= MAX_Z then
        return result
      end
    end
    return nil
  end
  local dist = init2:minus(init1):magnitude()
  if dist <= radius then return init1:plus(init2):times(0.5) end
  return nil
end

-- ------------------------------------------------------------- simulator
local Simulator = class()
function Simulator.new(numAircraft)
  local signs = {}
  for i = 0, numAircraft - 1 do signs[i] = CallSign.new(i) end
  return setmetatable({signs = signs, n = numAircraft}, Simulator)
end
function Simulator:simulate(time)
  local frame = {}
  for i = 0, self.n - 1, 2 do
    frame[#frame + 1] = Aircraft.new(self.signs[i], Vector3D.new(time, math.cos(time) * 2.0 + i * 3.0, 10.0))
    frame[#frame + 1] = Aircraft.new(self.signs[i + 1], Vector3D.new(time, math.sin(time) * 2.0 + i * 3.0, 10.0))
  end
  return frame
end

-- ------------------------------------------------------------- detector
local HORIZONTAL, VERTICAL = Vector2D.new(VOXEL_SIZE, 0.0), Vector2D.new(0.0, VOXEL_SIZE)

local Detector = class()
function Detector.new() return setmetatable({state = TreeMap.new()}, Detector) end

local function isInVoxel(voxel, motion)
  if voxel.x > MAX_X or voxel.x < MIN_X or voxel.y > MAX_Y or voxel.y < MIN_Y then return false end
  local init, fin = motion.posOne, motion.posTwo
  local vs, r = VOXEL_SIZE, PROXIMITY_RADIUS / 2.0
  local vx, x0, xv = voxel.x, init.x, fin.x - init.x
  local vy, y0, yv = voxel.y, init.y, fin.y - init.y
  local lowX = (vx - r - x0) / xv
  local highX = (vx + vs + r - x0) / xv
  if xv < 0.0 then lowX, highX = highX, lowX end
  local lowY = (vy - r - y0) / yv
  local highY = (vy + vs + r - y0) / yv
  if yv < 0.0 then lowY, highY = highY, lowY end
  return ((xv == 0.0 and vx <= x0 + r and x0 - r <= vx + vs) or
          (lowX <= 1.0 and 1.0 <= highX) or (lowX <= 0.0 and 0.0 <= highX) or (0.0 <= lowX and highX <= 1.0))
     and ((yv == 0.0 and vy <= y0 + r and y0 - r <= vy + vs) or
          (lowY <= 1.0 and 1.0 <= highY) or (lowY <= 0.0 and 0.0 <= highY) or (0.0 <= lowY and highY <= 1.0))
     and (xv == 0.0 or yv == 0.0 or (lowY <= highX and highX <= highY) or
          (lowY <= lowX and lowX <= highY) or (lowX <= lowY and highY <= highX))
end

local function voxelHash(position)
  local xDiv = floor(position.x / GOOD_VOXEL_SIZE)
  local yDiv = floor(position.y / GOOD_VOXEL_SIZE)
  local x, y = VOXEL_SIZE * xDiv, VOXEL_SIZE * yDiv
  if position.x < 0 then x = x - VOXEL_SIZE end
  if position.y < 0 then y = y - VOXEL_SIZE end
  return Vector2D.new(x, y)
end

function Detector:putIntoMap(voxelMap, voxel, motion)
  local list = voxelMap:get(voxel)
  if not list then list = {}; voxelMap:put(voxel, list) end
  list[#list + 1] = motion
end

function Detector:recurse(voxelMap, seen, nextVoxel, motion)
  if not isInVoxel(nextVoxel, motion) then return end
  if seen:put(nextVoxel, true) then return end
  self:putIntoMap(voxelMap, nextVoxel, motion)
  self:recurse(voxelMap, seen, nextVoxel:minus(HORIZONTAL), motion)
  self:recurse(voxelMap, seen, nextVoxel:plus(HORIZONTAL), motion)
  self:recurse(voxelMap, seen, nextVoxel:minus(VERTICAL), motion)
  self:recurse(voxelMap, seen, nextVoxel:plus(VERTICAL), motion)
  self:recurse(voxelMap, seen, nextVoxel:minus(HORIZONTAL):minus(VERTICAL), motion)
  self:recurse(voxelMap, seen, nextVoxel:minus(HORIZONTAL):plus(VERTICAL), motion)
  self:recurse(voxelMap, seen, nextVoxel:plus(HORIZONTAL):minus(VERTICAL), motion)
  self:recurse(voxelMap, seen, nextVoxel:plus(HORIZONTAL):plus(VERTICAL), motion)
end

function Detector:reduceCollisionSet(motions)
  local voxelMap = TreeMap.new()
  for _, motion in ipairs(motions) do
    self:recurse(voxelMap, TreeMap.new(), voxelHash(motion.posOne), motion)
  end
  local result = {}
  voxelMap:forEach(function(_, list)
    if #list > 1 then result[#result + 1] = list end
  end)
  return result
end

function Detector:handleNewFrame(frame)
  local motions = {}
  local seen = TreeMap.new()
  for _, aircraft in ipairs(frame) do
    local newPosition = aircraft.position
    local oldPosition = self.state:put(aircraft.callsign, newPosition)
    seen:put(aircraft.callsign, true)
    if not oldPosition then oldPosition = newPosition end
    motions[#motions + 1] = Motion.new(aircraft.callsign, oldPosition, newPosition)
  end
  local toRemove = {}
  self.state:forEach(function(callsign)
    if not seen:get(callsign) then toRemove[#toRemove + 1] = callsign end
  end)
  for _, callsign in ipairs(toRemove) do self.state:remove(callsign) end

  local collisions = {}
  for _, reduced in ipairs(self:reduceCollisionSet(motions)) do
    for i = 1, #reduced do
      local m1 = reduced[i]
      for j = i + 1, #reduced do
        local m2 = reduced[j]
        local c = m1:findIntersection(m2)
        if c then collisions[#collisions + 1] = Collision.new(m1.callsign, m2.callsign, c) end
      end
    end
  end
  return collisions
end

local simulator = Simulator.new(N)
local detector = Detector.new()
local total, sig = 0, 0
for i = 0, FRAMES - 1 do
  local time = i / 10.0
  local frame = simulator:simulate(time)
  if i % 7 == 3 then table.remove(frame) end      -- one aircraft drops out now and then
  local collisions = detector:handleNewFrame(frame)
  total = total + #collisions
  for _, c in ipairs(collisions) do sig = (sig * 31 + c.a.value * 7 + c.b.value) % 2147483647 end
end
print("collisions", total, "signature", sig, "tracked", detector.state.size)
