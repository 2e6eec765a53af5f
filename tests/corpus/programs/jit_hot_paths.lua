-- Hot loops and functions (run well past the compilation threshold of luahost's
-- second tier) that then meet the rare cases: metamethods, type changes,
-- errors naming variables, hooks set from inside, break/goto, integer wrap-around.

local function hot(n, f) local r; for i = 1, n do r = f(i) end return r end

-- 1. arithmetic that changes type in a hot loop: int -> float -> metamethod
local mt = {__add = function(a, b) return "added" end, __lt = function(a, b) return true end}
local vals = {}
for i = 1, 3000 do vals[i] = i end
vals[2500] = 2.5
vals[2900] = setmetatable({}, mt)
local acc, log = 0, {}
for i = 1, #vals do
  local v = vals[i]
  local r = v + 1
  if type(r) ~= "number" then log[#log + 1] = i .. ":" .. tostring(r) else acc = acc + r end
end
print("1", acc, table.concat(log, ","))

-- 2. integer overflow wraps in compiled code; mixed int/float arithmetic
local x = math.maxinteger - 2000
for i = 1, 4000 do x = x + 1 end
print("2", x, math.type(x))
local y = 0
for i = 1, 3000 do y = y + i / 2 + i * 0.5 - i // 3 + i % 7 end
print("2b", y, math.type(y))
local m = 0
for i = 1, 3000 do m = (m * 31 + i) % 1000003 - (i & 7) + (i | 1) - (i ~ 3) + (i << 2 >> 1) end
print("2c", m)

-- 3. errors inside hot code name the variable
local t = {}
for i = 1, 2000 do t[i] = {v = i} end
t[1999] = nil
local ok, err = pcall(function()
  local s = 0
  for i = 1, #t + 1 do local item = t[i]; s = s + item.v end
  return s
end)
print("3", ok, err)
ok, err = pcall(function()
  local s = 0
  for i = 1, 3000 do local up = i < 2900 and i or nil; s = s + up end
end)
print("3b", ok, err)
ok, err = pcall(function()
  local obj = {}
  for i = 1, 3000 do if i == 2999 then obj = nil end; obj.count = i end
end)
print("3c", ok, err)
ok, err = pcall(function() for i = 1, 3000 do local z = i > 2998 and "x" or i; local w = -z + #{} end end)
print("3d", ok, err)

-- 4. break, goto continue, nested loops, while and repeat in hot code
local count = 0
for i = 1, 3000 do
  for j = 1, 10 do
    if j > i % 7 then break end
    count = count + 1
  end
  if i % 3 == 0 then goto continue end
  count = count + 1
  ::continue::
end
local w, r = 0, 0
while true do w = w + 1; if w >= 5000 then break end end
repeat r = r + 2; local done = r > 4000 until done
print("4", count, w, r)

-- 5. a hook set from inside a hot loop sees the lines and counts of compiled code
local lines = 0
local function body(i)
  local a = i * 2
  local b = a + 1
  return b
end
for i = 1, 3000 do
  body(i)
  if i == 2990 then
    debug.sethook(function(ev, line) lines = lines + 1 end, "l")
  end
end
debug.sethook()
print("5", lines)
local calls = 0
for i = 1, 3000 do
  if i == 2995 then debug.sethook(function(ev) calls = calls + 1 end, "c") end
  body(i)
end
debug.sethook()
print("5b", calls)

-- 6. closures capturing loop variables, upvalues written in hot loops
local fs = {}
for i = 1, 2000 do fs[i] = function() return i end end
local total = 0
for i = 1, 2000, 7 do total = total + fs[i]() end
local counter = 0
local function inc() counter = counter + 1 end
for i = 1, 3000 do inc() end
print("6", total, counter)

-- 7. method calls, __index chains and __newindex in hot code; a method redefined midway
local Base = {}
Base.__index = Base
function Base:get() return self.v end
local Derived = setmetatable({}, {__index = Base})
Derived.__index = Derived
local o = setmetatable({v = 3}, Derived)
local s7 = 0
for i = 1, 3000 do
  s7 = s7 + o:get()
  if i == 1500 then function Derived:get() return self.v * 10 end end
  if i == 2500 then o.get = function() return 100 end end
end
local proxy = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v and v * 2) end})
for i = 1, 2000 do proxy[i % 10 + 1] = nil; proxy[i % 10 + 1] = nil end
for i = 1, 2000 do proxy[(i % 10) + 100] = i end
print("7", s7, proxy[105])

-- 8. numeric for with float steps, float limits, and large counts; tables with holes and #
local fsum = 0
for v = 0.5, 1500, 0.25 do fsum = fsum + v end
local isum = 0
for i = 1, 2500.7 do isum = isum + i end
for i = 3000, 1, -3 do isum = isum - i end
local holes = {}
for i = 1, 3000 do holes[#holes + 1] = i end
for i = 3000, 2001, -1 do holes[i] = nil end
local b1 = #holes
holes[1500] = nil
print("8", fsum, isum, b1, #holes == 2000 or #holes == 1499)

-- 9. string building and comparisons in hot code
local parts = {}
for i = 1, 2000 do parts[#parts + 1] = (i % 2 == 0) and "a" .. i or tostring(i * 1.5) end
local lt = 0
for i = 2, #parts do if parts[i - 1] < parts[i] then lt = lt + 1 end end
print("9", #table.concat(parts), lt, hot(3000, function(i) return i == 3000 and "last" or i end))

-- 10. varargs, multiple returns and tail calls from hot functions
local function mr(a, ...) return a, select("#", ...), ... end
local function tail(n, acc) if n == 0 then return acc end return tail(n - 1, acc + n) end
local va = 0
for i = 1, 2000 do local p, q, r2 = mr(i, i, nil); va = va + p + q + (r2 == nil and 1 or 0) end
print("10", va, tail(5000, 0))

-- 11. method lookups through __index chains that change while hot (lookup caches must notice)
local A = {}; A.__index = A
function A:m() return 1 end
local B = setmetatable({}, A); B.__index = B
local C = setmetatable({}, B); C.__index = C
local obj = setmetatable({}, C)
local other = {m = function() return 1000 end}
local s11, trace = 0, {}
for i = 1, 6000 do
  s11 = s11 + obj:m()
  if i == 1000 then function A:m() return 2 end end                     -- deepest table changes
  if i == 2000 then function B:m() return 3 end end                     -- a nearer table gains it
  if i == 3000 then B.m = nil end                                       -- and loses it
  if i == 4000 then setmetatable(B, {__index = other}) end              -- a chain's metatable changes
  if i == 5000 then C.__index = function(t, k) return function() return 7 end end end
  if i % 1000 == 999 then trace[#trace + 1] = obj:m() end
end
local classes = {}
for k = 1, 6 do
  local K = {}; K.__index = K
  K.id = function() return k end
  classes[k] = setmetatable({}, K)
end
local s11b = 0
for i = 1, 6000 do s11b = s11b + classes[i % 6 + 1]:id() end
print("11", s11, table.concat(trace, ","), s11b)
