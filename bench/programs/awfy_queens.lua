-- awfy_queens.lua: the eight-queens problem solved by backtracking over free
-- rows and diagonals (after the Are-We-Fast-Yet "Queens" description),
-- object-oriented Lua.
-- Stresses: boolean arrays as object fields, recursion through methods,
-- short-circuit conditions.
-- Size parameter (arg[1]): number of benchmark iterations.
local N = tonumber(arg and arg[1]) or 2000

local Queens = {}
Queens.__index = Queens
function Queens.new() return setmetatable({}, Queens) end

function Queens:getRowColumn(r, c)
  return self.freeRows[r] and self.freeMaxs[c + r] and self.freeMins[c - r + 8]
end

function Queens:setRowColumn(r, c, v)
  self.freeRows[r] = v
  self.freeMaxs[c + r] = v
  self.freeMins[c - r + 8] = v
end

function Queens:placeQueen(c)
  for r = 1, 8 do
    if self:getRowColumn(r, c) then
      self.queenRows[r] = c
      self:setRowColumn(r, c, false)
      if c == 8 then return true end
      if self:placeQueen(c + 1) then return true end
      self:setRowColumn(r, c, true)
    end
  end
  return false
end

function Queens:queens()
  self.freeRows, self.freeMaxs, self.freeMins, self.queenRows = {}, {}, {}, {}
  for i = 1, 8 do self.freeRows[i] = true end
  for i = 1, 16 do self.freeMaxs[i] = true; self.freeMins[i] = true end
  for i = 1, 8 do self.queenRows[i] = -1 end
  return self:placeQueen(1)
end

function Queens:run()
  local result = true
  for _ = 1, 10 do result = result and self:queens() end
  return result
end

local q = Queens.new()
local ok, sig = 0, 0
for _ = 1, N do
  if q:run() then ok = ok + 1 end
  for r = 1, 8 do sig = (sig * 7 + q.queenRows[r]) % 2147483647 end
end
print("solved", ok, sig)
