-- awfy_towers.lua: Towers of Hanoi with disks as linked objects on three piles
-- (after the Are-We-Fast-Yet "Towers" description), object-oriented Lua.
-- Stresses: small object allocation, linked stacks, recursion through methods,
-- error checks on every move.
-- Size parameter (arg[1]): number of benchmark iterations.
local N = tonumber(arg and arg[1]) or 600

local Disk = {}
Disk.__index = Disk
function Disk.new(size) return setmetatable({size = size, below = false}, Disk) end

local Towers = {}
Towers.__index = Towers
function Towers.new() return setmetatable({piles = nil, moves = 0}, Towers) end

function Towers:pushDisk(disk, pile)
  local top = self.piles[pile]
  if top and disk.size >= top.size then error("cannot put a big disk on a smaller one") end
  disk.below = top
  self.piles[pile] = disk
end

function Towers:popDiskFrom(pile)
  local top = self.piles[pile]
  if not top then error("attempt to remove a disk from an empty pile") end
  self.piles[pile] = top.below
  top.below = false
  return top
end

function Towers:moveTopDisk(from, to)
  self:pushDisk(self:popDiskFrom(from), to)
  self.moves = self.moves + 1
end

function Towers:buildTowerAt(pile, disks)
  for i = disks, 0, -1 do self:pushDisk(Disk.new(i), pile) end
end

function Towers:moveDisks(disks, from, to)
  if disks == 1 then
    self:moveTopDisk(from, to)
  else
    local other = 6 - from - to
    self:moveDisks(disks - 1, from, other)
    self:moveTopDisk(from, to)
    self:moveDisks(disks - 1, other, to)
  end
end

function Towers:run()
  self.piles = {false, false, false}
  self:buildTowerAt(1, 13)
  self.moves = 0
  self:moveDisks(13, 1, 2)
  return self.moves
end

local total = 0
local t = Towers.new()
for _ = 1, N do
  local r = t:run()
  if r ~= 8191 then error("towers: wrong result " .. r) end
  total = total + r
end
print("moves", total)
