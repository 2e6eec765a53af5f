-- awfy_list.lua: recursive list manipulation (after the Are-We-Fast-Yet "List"
-- description: a Takeuchi-like function over linked lists), object-oriented Lua.
-- Stresses: allocation of small linked-list objects, recursion, method calls
-- and field reads through __index.
-- Size parameter (arg[1]): number of benchmark iterations.
local N = tonumber(arg and arg[1]) or 2500

local Element = {}
Element.__index = Element
function Element.new(v) return setmetatable({val = v, nxt = false}, Element) end
function Element:length()
  if not self.nxt then return 1 end
  return 1 + self.nxt:length()
end

local Bench = {}
Bench.__index = Bench
function Bench.new() return setmetatable({}, Bench) end

function Bench:makeList(length)
  if length == 0 then return false end
  local e = Element.new(length)
  e.nxt = self:makeList(length - 1)
  return e
end

function Bench:isShorterThan(x, y)
  local xTail, yTail = x, y
  while yTail do
    if not xTail then return true end
    xTail = xTail.nxt
    yTail = yTail.nxt
  end
  return false
end

function Bench:tail(x, y, z)
  if self:isShorterThan(y, x) then
    return self:tail(self:tail(x.nxt, y, z), self:tail(y.nxt, z, x), self:tail(z.nxt, x, y))
  end
  return z
end

function Bench:run()
  local result = self:tail(self:makeList(15), self:makeList(10), self:makeList(6))
  return result:length()
end

local total = 0
local b = Bench.new()
for _ = 1, N do
  local r = b:run()
  if r ~= 10 then error("list: wrong result " .. r) end
  total = total + r
end
print("list", total)
