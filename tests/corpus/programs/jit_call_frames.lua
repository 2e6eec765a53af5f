-- Calls of Lua functions with 0 to 10 locals and 0 to 3 parameters, with and without '...',
-- called with 0 to 4 arguments (fewer, as many and more than their parameters), directly, as
-- methods, in tail position (callees of another frame size) and through pcall, run often
-- enough to be compiled by the second tier; the locals of each are read back with
-- debug.getlocal and changed with debug.setlocal, and the stack overflow of a deep recursion
-- is caught at the same depth each time.

local out = {}
local function say(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  out[#out + 1] = table.concat(t, " ")
end

-- frame sizes 0 .. 10
local function f0() return "f0" end
local function f1(a) return a end
local function f2(a, b) return b, a end
local function f3(a, b, c) return c, b, a end
local function f4(a) local x, y, z = a, a, a; return x + y + z end
local function f5(a, b) local x, y, z = a, b, a; return x .. y .. z end
local function f8(a, b, c) local x1, x2, x3, x4, x5 = a, b, c, a, b; return x1, x2, x3, x4, x5 end
local function f10(a) local x1, x2, x3, x4, x5, x6, x7, x8, x9 = a, a, a, a, a, a, a, a, a; return x9 end
local function v0(...) return select("#", ...), ... end
local function v1(a, ...) return a, select("#", ...), ... end
local function v2(a, b, ...) local n = select("#", ...); return a, b, n, ... end
local function unset(a, b, c) return a == nil, b == nil, c == nil end
local function fresh(a) local x; local y; if a then x = 1 end; return x, y end

local last = {}
for round = 1, 1500 do
  local r = table.pack(
    f0(), f0(1), f0(1, 2), f0(1, 2, 3),
    f1(), f1(1), f1(1, 2), f1(1, 2, 3, 4),
    select("#", f2()), f2(1), f2(1, 2), f2(1, 2, 3),
    f3(), f3(1), f3(1, 2), f3(1, 2, 3), f3(1, 2, 3, 4),
    f4(round), f5(1, 2), f5(1, 2, 3), f8(1, 2, 3), f10(round),
    v0(), v0(1), v0(1, 2), v0(1, 2, 3),
    v1(), v1(1), v1(1, 2), v1(1, 2, 3),
    v2(), v2(1), v2(1, 2), v2(1, 2, 3), v2(1, 2, 3, 4),
    unset(), unset(1), unset(1, 2),
    fresh(round % 2 == 0), fresh(false)
  )
  last = r
end
local t = {}
for i = 1, last.n do t[i] = tostring(last[i]) end
say(table.concat(t, ","))
say(select("#", f2()), select("#", v0()), select("#", v2(1, 2)), select("#", fresh(false)))

-- methods (the receiver is the first argument) of objects with different frame sizes
local Obj = {}
Obj.__index = Obj
function Obj.new(n) return setmetatable({n = n}, Obj) end
function Obj:get() return self.n end
function Obj:set(v) self.n = v end
function Obj:add(a, b) return self.n + (a or 0) + (b or 0) end
function Obj:many(a, b, c) local s = self.n; s = s + (a or 0); s = s + (b or 0); s = s + (c or 0); return s end
function Obj:va(...) return self.n, select("#", ...) end
local o, acc = Obj.new(1), 0
for i = 1, 3000 do
  o:set(i)
  acc = acc + o:get() + o:add() + o:add(1) + o:add(1, 2) + o:many(1, 2, 3) + o:many(1) + select(2, o:va(1, 2))
end
say("methods", acc)

-- tail calls into callees of another frame size (the frame's locals array is replaced)
local tsmall, tbig
function tsmall(n, acc) if n == 0 then return acc end; return tbig(n - 1, acc + 1) end
function tbig(n, acc)
  local a, b, c, d, e, f, g = 1, 2, 3, 4, 5, 6, 7
  if n == 0 then return acc + a + g end
  return tsmall(n - 1, acc + b + f)
end
local tt = 0
for i = 1, 300 do tt = tt + tsmall(i, 0) + tbig(i, 0) end
say("tail", tt, tsmall(100001, 0))

-- the locals a debugger sees in compiled frames of each size
local function locals()
  local names = {}
  local i = 1
  while true do
    local name, value = debug.getlocal(2, i)
    if not name then break end
    names[#names + 1] = name .. "=" .. tostring(value)
    i = i + 1
  end
  return table.concat(names, " ")
end
local function g0() local s = locals(); return s end
local function g1(a) local s = locals(); return s end
local function g3(a, b, c) local d = a; local s = locals(); return s end
local function g9(a, ...) local b, c, d, e, f, g, h, k = 1, 2, 3, 4, 5, 6, 7, 8; return (locals()) end
local seen
for i = 1, 1200 do seen = {g0(), g1(i), g1(), g3(1, 2), g9(i, 1, 2)} end
for _, s in ipairs(seen) do say("locals", s) end

local function setter(a, b)
  local c = 0
  debug.setlocal(1, 3, a + b)
  return c
end
local st = 0
for i = 1, 1500 do st = st + setter(i, 1) end
say("setlocal", st)

-- stack overflow in compiled code, caught, and then again at the same depth
local depth = 0
local function deep(n) depth = n; return 1 + deep(n + 1) end
for i = 1, 3 do
  depth = 0
  local ok, err = pcall(deep, 1)
  say("overflow", ok, (string.gsub(tostring(err), "^.-:%d+: ", "")), depth > 1000)
end
local ok, err = pcall(f3, 1, 2, 3)
say("pcall", ok, err)
for _, line in ipairs(out) do print(line) end
