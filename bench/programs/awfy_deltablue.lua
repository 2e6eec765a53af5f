-- awfy_deltablue.lua: the DeltaBlue incremental constraint solver (Freeman-Benson
-- and Maloney) with its chain and projection tests, after the Are-We-Fast-Yet
-- "DeltaBlue" description, written as a class hierarchy with metatables:
-- Constraint <- UnaryConstraint <- Stay/EditConstraint, Constraint <-
-- BinaryConstraint <- Equality/ScaleConstraint; Variable, Planner, Plan, Strength.
-- Stresses: polymorphic method calls through __index chains (depth 3), small
-- object allocation, ordered collections with removal.
-- Size parameter (arg[1]): number of benchmark iterations.
local N = tonumber(arg and arg[1]) or 300

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

-- ------------------------------------------------------------- collections
-- Vector: an array with a moving head so that removeFirst is cheap.
local Vector = class()
function Vector.new() return setmetatable({items = {}, first = 1, last = 0}, Vector) end
function Vector.with(x) local v = Vector.new(); v:append(x); return v end
function Vector:append(x) self.last = self.last + 1; self.items[self.last] = x end
function Vector:isEmpty() return self.last < self.first end
function Vector:size() return self.last - self.first + 1 end
function Vector:at(i) return self.items[self.first + i - 1] end
function Vector:removeFirst()
  local x = self.items[self.first]
  self.items[self.first] = nil
  self.first = self.first + 1
  return x
end
function Vector:remove(x)
  local items, j = self.items, self.first
  for i = self.first, self.last do
    local y = items[i]
    if y ~= x then items[j] = y; j = j + 1 end
  end
  for i = j, self.last do items[i] = nil end
  self.last = j - 1
end
function Vector:each(fn)
  local items = self.items
  for i = self.first, self.last do fn(items[i]) end
end

-- ------------------------------------------------------------- strengths
local Strength = class()
local STRENGTHS = {}
function Strength.new(value, name)
  local s = setmetatable({value = value, name = name}, Strength)
  STRENGTHS[value] = s
  return s
end
function Strength:stronger(other) return self.value < other.value end
function Strength:weaker(other) return self.value > other.value end
function Strength:weakest(other) if self:weaker(other) then return self end return other end
function Strength:nextWeaker() return STRENGTHS[self.value + 1] end
local REQUIRED = Strength.new(0, "required")
local _STRONG_PREFERRED = Strength.new(1, "strongPreferred")
local PREFERRED = Strength.new(2, "preferred")
local STRONG_DEFAULT = Strength.new(3, "strongDefault")
local NORMAL = Strength.new(4, "normal")
local _WEAK_DEFAULT = Strength.new(5, "weakDefault")
local WEAKEST = Strength.new(6, "weakest")

-- ------------------------------------------------------------- variables
local Variable = class()
function Variable.new(value)
  return setmetatable({value = value, constraints = Vector.new(), determinedBy = false,
                       mark = 0, walkStrength = WEAKEST, stay = true}, Variable)
end
function Variable:addConstraint(c) self.constraints:append(c) end
function Variable:removeConstraint(c)
  self.constraints:remove(c)
  if self.determinedBy == c then self.determinedBy = false end
end

-- ------------------------------------------------------------- constraints
local Constraint = class()
function Constraint:addConstraint(planner)
  self:addToGraph()
  planner:incrementalAdd(self)
end
function Constraint:isInput() return false end
function Constraint:destroyConstraint(planner)
  if self:isSatisfied() then planner:incrementalRemove(self) end
  self:removeFromGraph()
end
-- Attempts to find a way to enforce this constraint; returns the constraint it
-- overrode (to be satisfied again), or false.
function Constraint:satisfy(mark, planner)
  self:chooseMethod(mark)
  if not self:isSatisfied() then
    if self.strength == REQUIRED then error("could not satisfy a required constraint") end
    return false
  end
  self:markInputs(mark)
  local out = self:output()
  local overridden = out.determinedBy
  if overridden then overridden:markUnsatisfied() end
  out.determinedBy = self
  if not planner:addPropagate(self, mark) then error("cycle encountered") end
  out.mark = mark
  return overridden
end

local UnaryConstraint = class(Constraint)
function UnaryConstraint.init(self, v, strength, planner)
  self.strength = strength
  self.myOutput = v
  self.satisfied = false
  self:addConstraint(planner)
  return self
end
function UnaryConstraint:addToGraph() self.myOutput:addConstraint(self); self.satisfied = false end
function UnaryConstraint:chooseMethod(mark)
  local out = self.myOutput
  self.satisfied = out.mark ~= mark and self.strength:stronger(out.walkStrength)
end
function UnaryConstraint:isSatisfied() return self.satisfied end
function UnaryConstraint:markInputs(_) end
function UnaryConstraint:output() return self.myOutput end
function UnaryConstraint:recalculate()
  local out = self.myOutput
  out.walkStrength = self.strength
  out.stay = not self:isInput()
  if out.stay then self:execute() end
end
function UnaryConstraint:markUnsatisfied() self.satisfied = false end
function UnaryConstraint:inputsKnown(_) return true end
function UnaryConstraint:removeFromGraph()
  self.myOutput:removeConstraint(self)
  self.satisfied = false
end

local StayConstraint = class(UnaryConstraint)
function StayConstraint.new(v, strength, planner)
  return UnaryConstraint.init(setmetatable({}, StayConstraint), v, strength, planner)
end
function StayConstraint:execute() end

local EditConstraint = class(UnaryConstraint)
function EditConstraint.new(v, strength, planner)
  return UnaryConstraint.init(setmetatable({}, EditConstraint), v, strength, planner)
end
function EditConstraint:isInput() return true end
function EditConstraint:execute() end

local NONE, FORWARD, BACKWARD = 0, 1, 2

local BinaryConstraint = class(Constraint)
function BinaryConstraint.init(self, v1, v2, strength, planner)
  self.strength = strength
  self.v1, self.v2 = v1, v2
  self.direction = NONE
  self:addConstraint(planner)
  return self
end
function BinaryConstraint:chooseMethod(mark)
  local v1, v2, s = self.v1, self.v2, self.strength
  if v1.mark == mark then
    if v2.mark ~= mark and s:stronger(v2.walkStrength) then self.direction = FORWARD
    else self.direction = NONE end
    return
  end
  if v2.mark == mark then
    if v1.mark ~= mark and s:stronger(v1.walkStrength) then self.direction = BACKWARD
    else self.direction = NONE end
    return
  end
  if v1.walkStrength:weaker(v2.walkStrength) then
    if s:stronger(v1.walkStrength) then self.direction = BACKWARD else self.direction = NONE end
  else
    if s:stronger(v2.walkStrength) then self.direction = FORWARD else self.direction = NONE end
  end
end
function BinaryConstraint:addToGraph()
  self.v1:addConstraint(self)
  self.v2:addConstraint(self)
  self.direction = NONE
end
function BinaryConstraint:isSatisfied() return self.direction ~= NONE end
function BinaryConstraint:markInputs(mark) self:input().mark = mark end
function BinaryConstraint:input() if self.direction == FORWARD then return self.v1 end return self.v2 end
function BinaryConstraint:output() if self.direction == FORWARD then return self.v2 end return self.v1 end
function BinaryConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walkStrength = self.strength:weakest(ihn.walkStrength)
  out.stay = ihn.stay
  if out.stay then self:execute() end
end
function BinaryConstraint:markUnsatisfied() self.direction = NONE end
function BinaryConstraint:inputsKnown(mark)
  local i = self:input()
  return i.mark == mark or i.stay or not i.determinedBy
end
function BinaryConstraint:removeFromGraph()
  self.v1:removeConstraint(self)
  self.v2:removeConstraint(self)
  self.direction = NONE
end

local EqualityConstraint = class(BinaryConstraint)
function EqualityConstraint.new(v1, v2, strength, planner)
  return BinaryConstraint.init(setmetatable({}, EqualityConstraint), v1, v2, strength, planner)
end
function EqualityConstraint:execute() self:output().value = self:input().value end

-- v2 = v1 * scale + offset, kept in both directions
local ScaleConstraint = class(BinaryConstraint)
function ScaleConstraint.new(src, scale, offset, dest, strength, planner)
  local self = setmetatable({scale = scale, offset = offset}, ScaleConstraint)
  return BinaryConstraint.init(self, src, dest, strength, planner)
end
function ScaleConstraint:addToGraph()
  BinaryConstraint.addToGraph(self)
  self.scale:addConstraint(self)
  self.offset:addConstraint(self)
end
function ScaleConstraint:removeFromGraph()
  BinaryConstraint.removeFromGraph(self)
  self.scale:removeConstraint(self)
  self.offset:removeConstraint(self)
end
function ScaleConstraint:markInputs(mark)
  BinaryConstraint.markInputs(self, mark)
  self.scale.mark = mark
  self.offset.mark = mark
end
function ScaleConstraint:execute()
  if self.direction == FORWARD then
    self.v2.value = self.v1.value * self.scale.value + self.offset.value
  else
    self.v1.value = math.floor((self.v2.value - self.offset.value) / self.scale.value)
  end
end
function ScaleConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walkStrength = self.strength:weakest(ihn.walkStrength)
  out.stay = ihn.stay and self.scale.stay and self.offset.stay
  if out.stay then self:execute() end
end

-- ------------------------------------------------------------- plans and the planner
local Plan = class()
function Plan.new() return setmetatable({constraints = Vector.new()}, Plan) end
function Plan:add(c) self.constraints:append(c) end
function Plan:execute() self.constraints:each(function(c) c:execute() end) end

local Planner = class()
function Planner.new() return setmetatable({currentMark = 0}, Planner) end
function Planner:newMark() self.currentMark = self.currentMark + 1; return self.currentMark end

function Planner:incrementalAdd(c)
  local mark = self:newMark()
  local overridden = c:satisfy(mark, self)
  while overridden do overridden = overridden:satisfy(mark, self) end
end

function Planner:incrementalRemove(c)
  local out = c:output()
  c:markUnsatisfied()
  c:removeFromGraph()
  local unsatisfied = self:removePropagateFrom(out)
  local strength = REQUIRED
  repeat
    unsatisfied:each(function(u)
      if u.strength == strength then self:incrementalAdd(u) end
    end)
    strength = strength:nextWeaker()
  until strength == WEAKEST
end

function Planner:addConstraintsConsumingTo(v, coll)
  local determining = v.determinedBy
  v.constraints:each(function(c)
    if c ~= determining and c:isSatisfied() then coll:append(c) end
  end)
end

function Planner:makePlan(sources)
  local mark = self:newMark()
  local plan = Plan.new()
  local todo = sources
  while not todo:isEmpty() do
    local c = todo:removeFirst()
    local out = c:output()
    if out.mark ~= mark and c:inputsKnown(mark) then
      plan:add(c)
      out.mark = mark
      self:addConstraintsConsumingTo(out, todo)
    end
  end
  return plan
end

function Planner:extractPlanFromConstraints(constraints)
  local sources = Vector.new()
  constraints:each(function(c)
    if c:isInput() and c:isSatisfied() then sources:append(c) end
  end)
  return self:makePlan(sources)
end

function Planner:addPropagate(c, mark)
  local todo = Vector.with(c)
  while not todo:isEmpty() do
    local d = todo:removeFirst()
    if d:output().mark == mark then
      self:incrementalRemove(c)
      return false
    end
    d:recalculate()
    self:addConstraintsConsumingTo(d:output(), todo)
  end
  return true
end

function Planner:removePropagateFrom(out)
  out.determinedBy = false
  out.walkStrength = WEAKEST
  out.stay = true
  local unsatisfied = Vector.new()
  local todo = Vector.with(out)
  while not todo:isEmpty() do
    local v = todo:removeFirst()
    v.constraints:each(function(c)
      if not c:isSatisfied() then unsatisfied:append(c) end
    end)
    local determining = v.determinedBy
    v.constraints:each(function(nextC)
      if nextC ~= determining and nextC:isSatisfied() then
        nextC:recalculate()
        todo:append(nextC:output())
      end
    end)
  end
  return unsatisfied
end

function Planner:change(v, newValue)
  local edit = EditConstraint.new(v, PREFERRED, self)
  local plan = self:extractPlanFromConstraints(Vector.with(edit))
  for _ = 1, 10 do
    v.value = newValue
    plan:execute()
  end
  edit:destroyConstraint(self)
end

-- ------------------------------------------------------------- the two tests
local function chainTest(n)
  local planner = Planner.new()
  local prev, first, last = nil, nil, nil
  for i = 0, n do
    local v = Variable.new(0)
    if prev then EqualityConstraint.new(prev, v, REQUIRED, planner) end
    if i == 0 then first = v end
    if i == n then last = v end
    prev = v
  end
  StayConstraint.new(last, STRONG_DEFAULT, planner)
  local edit = EditConstraint.new(first, PREFERRED, planner)
  local plan = planner:extractPlanFromConstraints(Vector.with(edit))
  local sum = 0
  for i = 0, 99 do
    first.value = i
    plan:execute()
    if last.value ~= i then error("chain test failed: " .. tostring(last.value) .. " ~= " .. i) end
    sum = sum + last.value
  end
  edit:destroyConstraint(planner)
  return sum
end

local function projectionTest(n)
  local planner = Planner.new()
  local scale, offset = Variable.new(10), Variable.new(1000)
  local src, dst
  local dests = {}
  for i = 0, n - 1 do
    src = Variable.new(i)
    dst = Variable.new(i)
    dests[#dests + 1] = dst
    StayConstraint.new(src, NORMAL, planner)
    ScaleConstraint.new(src, scale, offset, dst, REQUIRED, planner)
  end
  planner:change(src, 17)
  if dst.value ~= 1170 then error("projection 1 failed") end
  planner:change(dst, 1050)
  if src.value ~= 5 then error("projection 2 failed") end
  planner:change(scale, 5)
  for i = 0, n - 2 do
    if dests[i + 1].value ~= i * 5 + 1000 then error("projection 3 failed") end
  end
  planner:change(offset, 2000)
  local sum = 0
  for i = 0, n - 2 do
    if dests[i + 1].value ~= i * 5 + 2000 then error("projection 4 failed") end
    sum = sum + dests[i + 1].value
  end
  return sum
end

local total = 0
for _ = 1, N do
  total = (total + chainTest(100) + projectionTest(100)) % 2147483647
end
print("deltablue", total)
