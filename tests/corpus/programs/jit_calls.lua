-- Calls the second tier compiles inline: calls with more than three arguments or
-- a multi-valued last argument, method calls with many arguments or varargs,
-- return of several values, and tail calls (also through __call), run often
-- enough to be compiled; error messages from such calls.

local function count(...) return select('#', ...) end
local function pass(...) return ... end
local function four(a, b, c, d) return a, b, c, d end
local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + (select(i, ...) or 0) end
  return s
end

local obj = {base = 100}
function obj:add(a, b, c, d, e) return self.base + a + b + c + d + (e or 0) end
function obj:varargs(...) return count(...), ... end

local callable = setmetatable({}, {__call = function(self, a, b, c, d) return "called", a, b, c, d end})

local function tail_count(n, acc)
  if n == 0 then return acc end
  return tail_count(n - 1, acc + 1)
end
local function tail_method(o, n) if n == 0 then return o.base end return o:add(n, 0, 0, 0), tail_method(o, 0) end
local function tail_callable(x) return callable(x, x, x, x) end
local function tail_varargs(...) return pass(...) end

local lines = {}
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  lines[#lines + 1] = t.n .. ": " .. table.concat(t, ",")
end

for round = 1, 1200 do
  local last = round == 1200
  local a = count(1, 2, 3, 4, 5)
  local b = count(nil, nil, nil, nil)
  local c = count(pass())
  local d = count(1, pass(2, 3, nil))
  local e = sum(1, 2, 3, 4, 5, 6)
  local f = sum(pass(1, 2, 3, 4))
  local g, h, i, j = four(pass(1, 2))
  local k = obj:add(1, 2, 3, 4)
  local l = obj:add(1, 2, 3, 4, 5)
  local m = obj:varargs(pass(1, nil, 3))
  local n = tail_count(round, 0)
  local o = tail_method(obj, 3)
  local p, q = tail_callable(round)
  local r = {tail_varargs(1, 2, round)}
  if last then
    show(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, #r, r[3])
    show(obj:varargs(1, 2, 3))
    show(obj:varargs())
    show(four(1, 2, 3, 4, 5, 6))
    show(pass(1, nil, nil))
    show(tail_varargs())
    show(tail_callable(7))
  end
end
print(table.concat(lines, "\n"))

-- deep tail recursion from compiled code runs in constant stack
print(tail_count(300000, 0))

-- errors from compiled calls name the callee
local function try(f, ...)
  local ok, err = pcall(f, ...)
  return tostring(ok) .. " " .. tostring(err)
end
local nothing = nil
local t = {}
for round = 1, 1100 do
  local r1 = try(function() return undefined_global(1, 2, 3, 4) end)
  local r2 = try(function() local v = undefined_global(1, 2, 3, 4); return v end)
  local r3 = try(function() local v = t:missing(1, 2, 3); return v end)
  local r4 = try(function() local v = t.field.sub(1, 2, 3, 4); return v end)
  local r5 = try(function() return t:missing(pass(1, 2)) end)
  local r6 = try(function() local v = nothing(pass(1)); return v end)
  if round == 1100 then print(r1); print(r2); print(r3); print(r4); print(r5); print(r6) end
end

-- select with one result wanted, in a hot loop
local function pick(n, ...) local v = select(n, ...); return v end
local function pickc(...) local v = select('#', ...); return v end
local sels = {}
for round = 1, 1100 do
  local r = {pick(1, "a", "b", "c"), pick(3, "a", "b", "c"), pick(4, "a", "b", "c"), pick(-1, "a", "b", "c"),
             pick(-3, "a", "b", "c"), pick(2.0, "a", "b"), pick("2", "a", "b"), pickc(), pickc(nil, nil),
             pick(2, "a", nil), pick(1)}
  local e1 = try(pick, 0, "a")
  local e2 = try(pick, -4, "a", "b", "c")
  local e3 = try(pick, "x", "a")
  local e4 = try(pick, 1.5, "a")
  if round == 1100 then
    for i = 1, 11 do sels[#sels + 1] = tostring(r[i]) end
    print(table.concat(sels, " "))
    print(e1); print(e2); print(e3); print(e4)
  end
end

-- tail calls of methods: through __index tables (cached per call site), an __index
-- function, strings, a method replaced while the site is hot, and a missing method
local Base = {}
Base.__index = Base
function Base:get(k) return "base " .. k end
local Derived = setmetatable({}, {__index = Base})
Derived.__index = Derived
local inst = setmetatable({}, Derived)
local dyn = setmetatable({}, {__index = function(_, name) return function(_, k) return name .. " " .. k end end})
local function tail_get(o, k) return o:get(k) end
local function tail_upper(s) return s:upper() end
local tails = {}
for round = 1, 2500 do
  if round == 1500 then function Derived:get(k) return "derived " .. k end end
  if round == 2000 then Derived.get = nil; function Base:get(k) return "new base " .. k end end
  local a, b, c = tail_get(inst, round), tail_get(dyn, round), tail_upper("abc" .. round % 10)
  if round % 500 == 0 or round == 1499 or round == 1999 then tails[#tails + 1] = a .. "|" .. b .. "|" .. c end
end
print(table.concat(tails, "\n"))
print(try(tail_get, {}, 1))
print(try(tail_get, 42, 1))
