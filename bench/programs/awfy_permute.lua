-- awfy_permute.lua: generate all permutations of a small array by recursive
-- swapping (after the Are-We-Fast-Yet "Permute" description), object-oriented Lua.
-- Stresses: recursion through method calls, array reads/writes, field counters.
-- Size parameter (arg[1]): number of benchmark iterations.
local N = tonumber(arg and arg[1]) or 1200

local Permute = {}
Permute.__index = Permute
function Permute.new() return setmetatable({count = 0, v = nil}, Permute) end

function Permute:swap(i, j)
  local v = self.v
  v[i], v[j] = v[j], v[i]
end

function Permute:permute(n)
  self.count = self.count + 1
  if n ~= 0 then
    local n1 = n - 1
    self:permute(n1)
    for i = n1, 0, -1 do
      self:swap(n1, i)
      self:permute(n1)
      self:swap(n1, i)
    end
  end
end

function Permute:run()
  self.count = 0
  self.v = {[0] = 0, 0, 0, 0, 0, 0}
  self:permute(6)
  return self.count
end

local total = 0
local p = Permute.new()
for _ = 1, N do
  local r = p:run()
  if r ~= 8660 then error("permute: wrong result " .. r) end
  total = total + r
end
print("permutations", total)
