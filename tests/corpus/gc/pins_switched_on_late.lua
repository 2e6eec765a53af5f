-- Pins switched on late (see vm nodes.Pins): the functions holding temporaries run hot
-- (and are compiled by both tiers and by HotSpot) while no finalizer or weak table exists,
-- so no pin is recorded; then a weak table appears, which turns pinning on, and the same
-- code must now keep what it holds across automatic collections. Each shape holds a fresh
-- object (in a weak-valued table, with a __gc) while a later part allocates enough to run
-- several collections and checks that the held objects are still there.
local weak, finalized, nextid, bad, live = nil, {}, 0, {}, false
local gcmt = {__gc = function(o) finalized[o.id] = true end, __concat = function(a, b) return "cat" end,
  __add = function(a, b) return 1 end}
local function mk()
  nextid = nextid + 1
  local o = {id = nextid}
  if live then setmetatable(o, gcmt); weak[nextid] = o end
  return o
end
local probeCollected
local function churn(k)
  if not live then return "x" end
  local probe = setmetatable({{}}, {__mode = "v"})
  for i = 1, 60000 do local g = {i} end
  probeCollected = probe[1] == nil
  for id = nextid - k + 1, nextid do
    if weak[id] == nil or finalized[id] then bad[#bad + 1] = id end
  end
  return "x"
end
local function id(...) return ... end
local function shapes()
  local r = id(mk(), {}, churn(1))
  if live then r = mk() .. churn(1); r = mk() + churn(1) end
  local t = {mk(), churn(1)}
  r = id(mk(), churn(1))
  return r
end
for i = 1, 200000 do shapes() end
live = true
weak = setmetatable({}, {__mode = "v"})   -- pinning starts here
for i = 1, 3 do shapes() end
print(#bad == 0 and "ok" or "LOST " .. table.concat(bad, ","), "probe collected:", probeCollected)
