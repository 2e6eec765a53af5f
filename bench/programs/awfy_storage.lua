-- awfy_storage.lua: builds a tree of arrays of arrays (after the Are-We-Fast-Yet
-- "Storage" description), object-oriented Lua.
-- Stresses: allocation of many tables of varied sizes, garbage collection,
-- recursion, a Random object.
-- Size parameter (arg[1]): number of benchmark iterations.
local N = tonumber(arg and arg[1]) or 300

local Random = {}
Random.__index = Random
function Random.new() return setmetatable({seed = 74755}, Random) end
function Random:next()
  self.seed = (self.seed * 1309 + 13849) % 65536
  return self.seed
end

local Storage = {}
Storage.__index = Storage
function Storage.new() return setmetatable({count = 0}, Storage) end

local function newArray(n, v)
  local a = {}
  for i = 1, n do a[i] = v end
  return a
end

function Storage:buildTreeDepth(depth, random)
  self.count = self.count + 1
  if depth == 1 then
    return newArray(random:next() % 10 + 1, 0)
  end
  local arr = {}
  for i = 1, 4 do arr[i] = self:buildTreeDepth(depth - 1, random) end
  return arr
end

function Storage:run()
  local random = Random.new()
  self.count = 0
  self:buildTreeDepth(7, random)
  return self.count
end

local total = 0
local s = Storage.new()
for _ = 1, N do
  local r = s:run()
  if r ~= 5461 then error("storage: wrong result " .. r) end
  total = total + r
end
print("arrays", total)
