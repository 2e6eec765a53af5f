-- Inline caches of constant-key fields, stores and method calls meeting every
-- change that must be seen: loops run past the compile threshold so that both
-- tiers keep their caches across the changes.
local N = 3000

-- 1. metatable swapped on an object, and the class's method replaced
local A = {} ; A.__index = A
function A:who() return "A" end
local B = {} ; B.__index = B
function B:who() return "B" end
local o = setmetatable({}, A)
local out = {}
for i = 1, N do
  if i == 1000 then setmetatable(o, B) end
  if i == 2000 then function B:who() return "B2" end end
  if i == 2500 then o.who = function() return "own" end end
  if i == 2800 then o.who = nil end
  out[o:who()] = (out[o:who()] or 0) + 1
end
print(out.A, out.B, out.B2, out.own)

-- 2. __index changed from a table to a function and back
local mt = {__index = {v = 1}}
local p = setmetatable({}, mt)
local sum = 0
for i = 1, N do
  if i == 1000 then mt.__index = function(t, k) return k == "v" and 10 or nil end end
  if i == 2000 then mt.__index = {v = 100} end
  sum = sum + p.v
end
print(sum)

-- 3. field removed, then re-added (a tombstone, then a new slot)
local q = {a = 1, b = 2, c = 3}
local seen = {}
for i = 1, N do
  if i == 1000 then q.b = nil end
  if i == 1500 then q.b = 20 end
  if i == 2000 then for k = 1, 40 do q["x" .. k] = k end end   -- rehash: slots move
  if i == 2500 then q.b = nil; q.a = nil end
  local v = q.b
  seen[#seen + 1] = tostring(v)
end
print(seen[999], seen[1000], seen[1499], seen[1500], seen[2001], seen[2500], q.c, q.a)

-- 4. __newindex only for absent keys: existing fields are written in place
local log = {}
local nmt = {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end}
local r = setmetatable({x = 0}, nmt)
for i = 1, N do
  r.x = i
  if i % 1000 == 0 then r.x = nil end          -- absent again: next store goes through __newindex
  if i == 1500 then r.y = 1 end
end
print(r.x, r.y, #log, log[1], log[2], log[#log])

-- 5. keys added during a traversal with next (only assigning existing fields is allowed)
local s = {}
for k = 1, 30 do s["k" .. k] = k end
local total, n = 0, 0
for k, v in pairs(s) do
  s[k] = v * 2            -- assignment to an existing field during traversal
  total = total + s[k]
  n = n + 1
end
print(n, total)
for k in pairs(s) do s[k] = nil end   -- clearing during traversal
print(next(s))

-- 6. integer-keyed vs string-keyed fields, float keys normalised
local t = {}
for i = 1, N do
  t[1] = i; t["1"] = -i; t[2.0] = i * 2
  if i == N then print(t[1], t["1"], t[2], t[2.0], #t) end
end

-- 7. the same site seeing tables of different layouts (polymorphic)
local shapes = {
  {x = 1, y = 2}, {y = 3, x = 4}, {z = 0, x = 5}, setmetatable({}, {__index = {x = 6}}),
  {x = 7, a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8},
}
local xs = 0
for i = 1, N do xs = xs + shapes[i % #shapes + 1].x end
print(xs)

-- 8. global replaced, removed and re-created
local gsum = 0
for i = 1, N do
  if i == 1000 then GVAL = 5 end
  if i == 2000 then GVAL = nil end
  if i == 2500 then GVAL = 7 end
  gsum = gsum + (GVAL or 1)
end
print(gsum)

-- 9. keys made at run time (not the constant string object) still found
local dyn = {}
dyn[("fi" .. "eld")] = 42
local dsum = 0
for i = 1, N do dsum = dsum + dyn.field end
print(dsum)
for k, v in pairs(dyn) do print(k, v) end

-- 10. method found through a 3-level chain, a middle class changed
local Base = {} ; Base.__index = Base
function Base:m() return 1 end
local Mid = setmetatable({}, Base) ; Mid.__index = Mid
local Leaf = setmetatable({}, Mid) ; Leaf.__index = Leaf
local obj = setmetatable({}, Leaf)
local ms = 0
for i = 1, N do
  if i == 1000 then function Mid:m() return 2 end end
  if i == 2000 then Mid.m = nil end
  if i == 2500 then setmetatable(Mid, {__index = function() return function() return 3 end end}) end
  ms = ms + obj:m()
end
print(ms)

-- 11. inherited fields (obj.name through __index tables): class value changed,
-- shadowed by the object, the chain relinked, a rawset on a middle table
local K = {size = 1}; K.__index = K
local K2 = setmetatable({}, K); K2.__index = K2
local ko = setmetatable({}, K2)
local ks = 0
for i = 1, N do
  if i == 500 then K.size = 2 end
  if i == 1000 then ko.size = 100 end
  if i == 1200 then ko.size = nil end
  if i == 1500 then rawset(K2, "size", 3) end
  if i == 1700 then K2.size = nil end
  if i == 2000 then setmetatable(K2, {__index = {size = 4}}) end
  if i == 2500 then getmetatable(K2).__index = function(_, k) return 5 end end
  ks = ks + ko.size
end
print(ks)
