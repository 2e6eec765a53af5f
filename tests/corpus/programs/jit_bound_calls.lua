-- Compiled call sites that bind their callees (the second tier's per-site call cache):
-- a site that sees many different callees (Lua functions of many prototypes, closures
-- of one prototype, Java functions, callable tables), a callee redefined while its
-- caller is hot, a hook set and cleared inside a bound callee, errors and
-- debug.getinfo from bound callees, deep recursion and stack overflow through a bound
-- site, a yield across bound calls, and arity mismatches. Every loop runs often
-- enough for its block to be compiled.

local N = 1500

-- 1. one site, many callees
local function mk(k) return function(x) return x * k end end
local fns = {}
for k = 1, 8 do fns[#fns + 1] = mk(k) end                    -- one prototype, 8 closures
fns[#fns + 1] = function(x) return x + 1000 end              -- other prototypes
fns[#fns + 1] = function(x, y) return (y or 0) - x end
fns[#fns + 1] = function(...) return select('#', ...) end
fns[#fns + 1] = function() return "none" end
fns[#fns + 1] = math.abs                                      -- Java functions
fns[#fns + 1] = tostring
fns[#fns + 1] = setmetatable({}, {__call = function(self, x) return "callable " .. tostring(x) end})
fns[#fns + 1] = function(x) return x, x, x end

local function apply(f, x) return f(x) end
local acc = {}
for i = 1, N do
  local f = fns[(i % #fns) + 1]
  local r = apply(f, -i)
  if i > N - #fns then acc[#acc + 1] = tostring(r) end
end
print("many callees:", table.concat(acc, " "))

-- the same site first monomorphic for a long time, then polymorphic
local function twice(f, x) return f(f(x)) end
local inc = function(x) return x + 1 end
local s = 0
for i = 1, N do s = s + twice(inc, i) end
for i = 1, N do s = s + twice(fns[(i % 4) + 1], 1) + twice(fns[(i % 7) + 9] == tostring and inc or inc, i) end
print("mono then poly:", s)

-- 2. a callee redefined while its caller is hot
function step(x) return x + 1 end
local function run(n)
  local t = 0
  for i = 1, n do
    t = step(t)
    if i == n // 2 then
      step = function(x) return x + 10 end
    end
  end
  return t
end
print("redefined:", run(N * 2), run(N * 2))

-- a method replaced in the class while a loop calls it
local Account = {}
Account.__index = Account
function Account.new(b) return setmetatable({balance = b}, Account) end
function Account:get() return self.balance end
local acct = Account.new(5)
local total = 0
for i = 1, N * 2 do
  total = total + acct:get()
  if i == N then function Account:get() return self.balance * 100 end end
end
print("method replaced:", total)

-- 3. a hook set and cleared inside a bound callee
local hooked = 0
local function hook_on() debug.sethook(function() hooked = hooked + 1 end, "l") end
local function hook_off() debug.sethook() end
local function work(x)
  local y = x * 2
  y = y + 1
  return y
end
local w = 0
for i = 1, N do
  if i == N - 10 then hook_on() end
  w = w + work(i)
  if i == N - 5 then hook_off() end
end
print("hook:", w, hooked)

local calls = {}
local function hookcalls(ev)
  local info = debug.getinfo(2, "nS")
  calls[#calls + 1] = ev .. ":" .. tostring(info.name) .. ":" .. info.linedefined
end
local function leaf(x) return x + 1 end
local function mid(x) return leaf(x) * 2 end
for i = 1, N do
  if i == N then debug.sethook(hookcalls, "cr") end
  mid(i)
  if i == N then debug.sethook() end
end
print("call hooks:", table.concat(calls, " "))

-- 4. errors and debug.getinfo from bound callees
local function fails(x)
  if x > N - 2 then error("bad value " .. x) end
  return x
end
local function checked(x) return fails(x) end
local errs = {}
for i = 1, N do
  local ok, e = pcall(checked, i)
  if not ok then errs[#errs + 1] = e end
end
print("errors:", table.concat(errs, " | "))

local function idx(t) return t.field.sub end
for i = 1, N do
  local ok, e = pcall(idx, i < N and {field = {sub = i}} or {})
  if not ok then print("index error:", e) end
end

local function where()
  local a = debug.getinfo(1, "Sln")
  local b = debug.getinfo(2, "Sln")
  return a.currentline .. " " .. tostring(a.name) .. " " .. b.currentline .. " " .. tostring(b.name)
end
local function caller() return (where()) end
local last
for i = 1, N do last = caller() end
print("getinfo:", last)

local tb
local function deep3() error("deep") end
local function deep2() deep3() end
local function deep1() deep2() end
for i = 1, N do
  local ok, e = xpcall(deep1, function(m) return debug.traceback(m, 1) end)
  tb = e
end
-- (lua.c's "[C]: in ?" below the main chunk left out: it is not there in a coroutine or a session)
print("traceback:", (string.gsub(tb, "\n%s*%[C%]: in %?$", "")))

-- 5. deep recursion and stack overflow through a bound site
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
for i = 1, N do depth(10) end
print("deep:", depth(150000))
local function forever(n) return 1 + forever(n + 1) end
local ok, e = pcall(forever, 1)
print("overflow:", ok, (string.gsub(tostring(e), "^.-:%d+: ", "")))
local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
print("after overflow:", sum(1000))

-- 6. a yield across bound calls
local function produce(i) return coroutine.yield(i * 2) end
local function middle(i) return produce(i) + 1 end
local co = coroutine.wrap(function()
  local t = 0
  for i = 1, N do t = t + middle(i) end
  return "done " .. t
end)
local v = co()
local n = 0
while type(v) == "number" do
  n = n + 1
  v = co(v)
end
print("yields:", n, v)

-- 7. arity mismatches and varargs through bound sites
local function two(a, b) return tostring(a) .. "," .. tostring(b) end
local function va(a, ...) return a, select('#', ...), ... end
local out = {}
for i = 1, N do
  local x = two(i)
  local y = two(i, i + 1, i + 2)
  local p, q, r = va(i, "x", nil)
  local k = select('#', va())
  if i == N then out = {x, y, tostring(p), tostring(q), tostring(r), k} end
end
print("arity:", table.concat(out, " "))

-- tail calls through bound callees
local function tailed(n, a) if n == 0 then return a end return tailed(n - 1, a + n) end
local function starts(n) return tailed(n, 0) end
local tt = 0
for i = 1, N do tt = tt + starts(i % 50) end
print("tail:", tt)
