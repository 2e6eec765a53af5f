-- oop.lua: object-oriented code via metatables.
-- Stresses: method calls (obj:m()) resolved through __index chains of depth 1-3,
-- constructors with setmetatable, field reads/writes on objects, super calls,
-- polymorphic dispatch over a mixed array of objects.
-- Size parameter (arg[1]): number of iterations over the object population.
local N = tonumber(arg and arg[1]) or 80000
local M = 2147483647

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  c.new = function(...)
    local o = setmetatable({}, c)
    o:init(...)
    return o
  end
  return c
end

-- Shape <- Rect <- Square ; Shape <- Tri ; Shape <- Rect <- Square <- ColoredSquare
local Shape = class()
function Shape:init(name) self.name = name; self.moves = 0; self.x = 0; self.y = 0 end
function Shape:move(dx, dy) self.x = self.x + dx; self.y = self.y + dy; self.moves = self.moves + 1 end
function Shape:area() return 0 end
function Shape:describe() return self.moves + self:area() end

local Rect = class(Shape)
function Rect:init(w, h) Shape.init(self, "rect"); self.w = w; self.h = h end
function Rect:area() return self.w * self.h end
function Rect:perimeter() return 2 * (self.w + self.h) end

local Square = class(Rect)
function Square:init(s) Rect.init(self, s, s); self.name = "square" end
function Square:perimeter() return 4 * self.w end

local ColoredSquare = class(Square)
function ColoredSquare:init(s, color) Square.init(self, s); self.color = color end
function ColoredSquare:describe() return Square.describe(self) + self.color end

local Tri = class(Shape)
function Tri:init(b, h) Shape.init(self, "tri"); self.b = b; self.h = h end
function Tri:area() return self.b * self.h - self.b end
function Tri:perimeter() return self.b * 3 end

local objs = {}
for i = 1, 100 do
  local k = i % 4
  if k == 0 then objs[i] = Rect.new(i % 13 + 1, i % 7 + 1)
  elseif k == 1 then objs[i] = Square.new(i % 11 + 1)
  elseif k == 2 then objs[i] = Tri.new(i % 9 + 2, i % 5 + 2)
  else objs[i] = ColoredSquare.new(i % 6 + 1, i % 3) end
end

local acc = 0
for it = 1, N do
  for i = 1, #objs do
    local o = objs[i]
    o:move(1, -1)
    acc = acc + o:area() + o:perimeter() + o:describe()
  end
  if it % 100 == 0 then
    -- churn: replace one object per 100 iterations (constructor path)
    local j = it % #objs + 1
    objs[j] = Square.new(it % 17 + 1)
  end
  acc = acc % M
end
local x = 0
for i = 1, #objs do x = x + objs[i].x - objs[i].y end
print(string.format("oop checksum %d %d", acc, x))
