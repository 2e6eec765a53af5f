-- A big, varied Lua 5.4 program used to check that the parser accepts every
-- construct. It also runs under lua5.4 (see ParserTreeTest.bigVariedProgramParses).
local M = {}
local insert, concat, unpack = table.insert, table.concat, table.unpack
local fmt <const> = string.format

--[==[ a long comment
with ]] and ]=] inside
]==]

--[[ another
long comment ]] local after_comment = 1

-- numerals of every kind
local numbers = {
  0, 1, 42, 0x10, 0XfF, 0xffffffffffffffff, 9223372036854775807, 9223372036854775808,
  1.5, .5, 5., 1e10, 1E-3, 2.5e+2, 0x1p4, 0x.8, 0xA.8p1, 0x1P-2, 3.14159265358979,
}

-- strings of every kind
local strings = {
  "double", 'single', "esc: \a\b\f\n\r\t\v\\\"\'", "\x41\x42\67\068\0",
  "\u{48}\u{E9}\u{20AC}\u{10FFFF}\u{7FFFFFFF}", "line\
continued", "skip \z
             spaces",
  [[long
string]], [==[with ]] inside]==], [=[
first newline skipped]=], '',
}

-- operators and precedence
local a, b, c = 3, 4, 5
local arith = a + b * c - a / b // c % 2 ^ -a ^ 2
local bits = a & b | c ~ ~a << 2 >> 1
local cmp = a < b and b <= c and c > a and a >= a and a == a and a ~= b
local logic = not nil or false and true
local cat = "x" .. 1 .. 2.5 .. "y"
local len = #strings + #"abc"
local neg = - - -a
local mixed = (a + b) * (c - a) .. -(a) .. #{1, 2}

-- tables
local t = {
  1, 2, 3;
  x = 1, ["y"] = 2, [3 + 4] = 7,
  nested = { deep = { deeper = { "bottom" } } },
  f = function(self, ...) return select('#', ...) end,
  [numbers[1]] = "zero";
}
t.x, t["y"], t.nested.deep.value = t.y, t.x, 99
local empty = {}
local trailing = { 1, 2, 3, }

-- functions
local function fact(n)
  if n <= 1 then return 1 end
  return n * fact(n - 1)
end

function M.add(x, y) return x + y end
function M.sub(x, y)
  return x - y
end

local obj = { value = 10 }
function obj:get() return self.value end
function obj.set(self, v) self.value = v end
M.deep = { er = { est = {} } }
function M.deep.er.est:method(...)
  local n = select("#", ...)
  return self, n, ...
end

local varargs = function(...)
  local packed = { n = select("#", ...), ... }
  local first, second = ...
  return packed.n, first, second, (...)
end

local closures = {}
for i = 1, 3 do
  closures[i] = function() return i end
end

-- calls of every form
print(fact(5), M.add(1, 2), obj:get(), varargs(1, 2, 3))
print"string call"
print[[long string call]]
print{1, 2}
obj:set(20)
local s = ("x"):rep(3)
local u = ("%d"):format(42):rep(2)
local chained = M.deep.er.est:method(1, 2)
insert(closures, function() end)
local x1 = fmt("%s %s", "a", "b")

-- control structures
if a > b then
  print("a")
elseif a == b then
  print("eq")
elseif a < 0 then
else
  print("b")
end

local i = 0
while i < 10 do
  i = i + 1
  if i == 5 then break end
end

repeat
  local done = i > 20
  i = i + 3
until done

for k = 10, 1, -2 do
  i = i + k
end

for k, v in pairs(t) do
  if type(v) == "table" then goto continue end
  i = i + 1
  ::continue::
end

for _, v in next, { 1, 2, 3 }, nil do
  do
    local inner = v * 2
    if inner > 4 then break end
  end
end

do
  local x <const> = 10
  local y <close> = nil
  print(x, y)
end

-- goto and labels
do
  local n = 0
  ::top::
  n = n + 1
  if n < 3 then goto top end
end

-- nested functions and upvalues
local function counter()
  local count = 0
  return function()
    count = count + 1
    return count
  end, function() return count end
end
local inc, get = counter()
inc(); inc()
assert(get() == 2)

-- semicolons and empty statements
;;; local z = 1; z = z + 1;

-- long expressions over several lines
local total =
  1 +
  2 *
  3
  -
  4

local call_over_lines = M.add(
  1,
  2
)

-- method call on results and indexing of calls
local str = tostring(12):sub(1, 1)
local idx = ({ 10, 20, 30 })[2]
local fnidx = (function() return { k = 1 } end)().k

-- integer division, floats and bitwise on constants
local q = 7 // 2, 7.0 // 2, -7 // 2, 7 % -3, 2^53
local bw = 0xFF ~ 0x0F, ~0, 1 << 63, -1 >> 1

-- string coercions and concatenation across lines
local msg = "total: " .. total
  .. ", i: " .. i
  .. ", s: " .. s

-- deep-ish nesting
local deep = ((((((((((1))))))))))
local nested_tables = {{{{{{{{{{}}}}}}}}}}
if true then if true then if true then if true then local _ = 1 end end end end

-- all keywords as field names
local kw = {}
kw["and"], kw["break"], kw["goto"] = 1, 2, 3
local env = _ENV
local G = _G

-- varargs in the main chunk
local argc = select("#", ...)

-- a small class
local Account = {}
Account.__index = Account
function Account.new(balance)
  return setmetatable({ balance = balance or 0 }, Account)
end
function Account:deposit(v) self.balance = self.balance + v end
function Account:withdraw(v)
  if v > self.balance then error("insufficient funds") end
  self.balance = self.balance - v
end
local acc = Account.new(100)
acc:deposit(50)
acc:withdraw(30)

-- coroutines and pcall
local co = coroutine.wrap(function(...)
  local v = coroutine.yield(...)
  return v * 2
end)
co(1)
local ok, err = pcall(error, { code = 1 })
local ok2 = select(2, pcall(function() return nil + 1 end))

-- string methods and patterns
local words = {}
for w in ("the quick brown fox"):gmatch("%a+") do words[#words + 1] = w end
local joined = concat(words, ",")

-- metatables with operators
local V = {}
V.__add = function(p, q) return setmetatable({ x = p.x + q.x }, V) end
V.__eq = function(p, q) return p.x == q.x end
V.__lt = function(p, q) return p.x < q.x end
V.__le = function(p, q) return p.x <= q.x end
V.__concat = function(p, q) return "V" end
V.__len = function() return 2 end
V.__call = function(self, ...) return ... end
V.__close = function() end
local v1, v2 = setmetatable({ x = 1 }, V), setmetatable({ x = 2 }, V)
local v3 = v1 + v2
local veq = v1 == v2, v1 < v2, v1 <= v2, v1 .. v2, #v1, v1(1, 2)

return M, numbers, strings, arith, bits, cmp, logic, cat, len, neg, mixed, t, empty, trailing,
  chained, s, u, x1, q, bw, msg, deep, nested_tables, env, G, argc, acc, ok, err, ok2, joined,
  v3, veq, after_comment, call_over_lines, str, idx, fnidx, unpack
