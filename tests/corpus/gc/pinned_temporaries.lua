-- Objects that a running expression still holds (only in the interpreter's temporaries) are
-- neither cleared from weak tables nor finalized while an automatic collection runs in the
-- middle of that expression. Each shape below creates a fresh object, registers it in a
-- weak-valued table and gives it a __gc, then evaluates a later part that allocates enough
-- to run several collections (never calling collectgarbage). "probe collected" shows that
-- collections did run inside the churn.
local weak = setmetatable({}, {__mode = "v"})
local finalized = {}
local nextid = 0
local bad = {}

local gcmt = {
  __gc = function(o) finalized[o.id] = true end,
  __concat = function(a, b) return "cat" end,
  __add = function(a, b) return 1 end,
  __lt = function(a, b) return true end,
  __index = function(t, k) return k end,
  __newindex = function(t, k, v) rawset(t, "stored", v) end,
  __call = function(self, x) return x end,
}
gcmt.__index = {m = function(self, x) return x end}

local function mk()
  nextid = nextid + 1
  local o = setmetatable({id = nextid}, gcmt)
  weak[nextid] = o
  return o
end

local probeCollected
-- allocates enough for several automatic collections; checks that the last k objects made
-- (which the expression calling it still holds) are alive
local function churn(k)
  local probe = setmetatable({{}}, {__mode = "v"})
  for i = 1, 60000 do local g = {i} end
  probeCollected = probe[1] == nil
  for id = nextid - k + 1, nextid do
    if weak[id] == nil or finalized[id] then bad[#bad + 1] = id end
  end
  return "x"
end

local function id(...) return ... end
local function report(name)
  print(name, #bad == 0 and "ok" or "LOST " .. table.concat(bad, ","), "probe collected:", probeCollected)
  bad = {}
end

for round = 1, 3 do   -- later rounds run compiled code when the second tier is on
  print("round", round)
  -- arguments already evaluated: f(a, {}, g())
  local r = id(mk(), {}, churn(1))
  report("call arguments")
  -- a Java function's arguments
  r = select(2, mk(), churn(1))
  report("java function arguments")
  -- left operand of .. with a metamethod
  r = mk() .. churn(1)
  report("concat left operand")
  -- left operand of arithmetic and comparison
  r = mk() + #churn(1)
  report("arithmetic left operand")
  r = mk() < churn(1)
  report("comparison left operand")
  -- indexed table and key of an assignment
  mk()[churn(1)] = 1
  report("assignment target table")
  -- indexing: the table while the key is computed
  r = mk()[churn(1)]
  report("indexed table")
  -- a table constructor being filled, and its items
  r = {mk(), mk(), churn(2)}
  report("table constructor items")
  r = {x = mk(), y = churn(1)}
  report("table constructor fields")
  -- method receiver
  r = mk():m(churn(1))
  report("method receiver")
  -- a callable object being called
  r = mk()(churn(1))
  report("called object")
  -- multiple assignment values
  local a, b = mk(), churn(1)
  report("local multiple assignment")
  local t = {}
  t.a, t.b = mk(), churn(1)
  report("multiple assignment")
  -- return lists
  local function ret() return mk(), churn(1) end
  a, b = ret()
  report("return list")
  -- a Java function's own argument while it calls back into Lua
  table.sort(rawset(rawset(mk(), 1, 2), 2, 1), function(x, y) churn(1) return x < y end)
  report("java function calling back")
  -- nested: the outer call's argument while an inner call's argument churns
  r = id(mk(), id(mk(), churn(2)))
  report("nested calls")
  -- a suspended coroutine holding a temporary
  local co = coroutine.wrap(function()
    local v = id(mk(), coroutine.yield())
    return v
  end)
  co()
  churn(1)
  report("suspended coroutine, while suspended")
  co(churn(1))
  report("suspended coroutine, resumed")
end
