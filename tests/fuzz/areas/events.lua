local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); P(name, table.unpack(r, 1, r.n)) end
local log = {}
local mt = {}
for _, e in ipairs{"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv", "band", "bor", "bxor", "shl", "shr", "bnot", "concat", "len", "eq", "lt", "le"} do
  mt["__" .. e] = function(a, b) log[#log + 1] = e; return e end
end
local a, b = setmetatable({}, mt), setmetatable({}, mt)
P(a + 1, 1 - a, a * a, a / 2, a % 2, a ^ 2, -a, a // 2, a & 1, 1 | a, a ~ a, a << 1, a >> 1, ~a, a .. "x", "x" .. a, 1 .. a, #a)
P(a == b, a ~= b, a < b, a <= b, a > b, a >= b, a == a, a == 1, 1 < a, "x" <= a)
P(table.concat(log, " "))
-- __eq only for same types, not for rawequal
local e1 = setmetatable({}, {__eq = function() return 1 end}); local e2 = setmetatable({}, {__eq = function() return nil end})
P(e1 == e2, e2 == e1, e1 ~= e2, rawequal(e1, e2))
-- __lt result converted to boolean
local l = setmetatable({}, {__lt = function() return "yes" end, __le = function() return nil end})
P(l < l, l <= l, l > l, l >= l)
-- __le does not fall back to not __lt in 5.4
local onlylt = setmetatable({}, {__lt = function() return true end})
T("le no fallback", function() return onlylt <= onlylt end)
-- __index / __newindex
local proxy = setmetatable({}, {__index = function(t, k) return k .. "!" end, __newindex = function(t, k, v) rawset(t, k, v * 2) end})
proxy.x = 5; P(proxy.x, proxy.y, rawget(proxy, "y"))
local base = {z = 1}; local derived = setmetatable({}, {__index = base}); P(derived.z, derived.w)
local nstore = {}; local nproxy = setmetatable({}, {__newindex = nstore}); nproxy.q = 1; P(rawget(nproxy, "q"), nstore.q)
-- __index on strings / numbers via debug.setmetatable
debug.setmetatable(0, {__index = function(n, k) return n * 10 end, __call = function(n, x) return n + x end})
P((5).foo, (5)(3)); debug.setmetatable(0, nil)
debug.setmetatable(nil, {__index = function() return "nilidx" end}); P((nil).x); debug.setmetatable(nil, nil)
debug.setmetatable(true, {__len = function() return 7 end}); P(#true); debug.setmetatable(true, nil)
local fmt = debug.setmetatable(print, {__index = {kind = "fn"}}); P(print.kind, fmt == print); debug.setmetatable(print, nil)
-- __call with extra args
local callme = setmetatable({}, {__call = function(self, ...) return select('#', ...), ... end}); P(callme(1, nil, 3))
-- __concat with numbers
local cc = setmetatable({}, {__concat = function(x, y) return (type(x) == "table" and "T" or tostring(x)) .. "+" .. (type(y) == "table" and "T" or tostring(y)) end})
P(cc .. 1, 1 .. cc, "a" .. "b" .. cc, cc .. "a" .. "b", 1 .. 2 .. cc)
-- __close, __mode, __name, __metatable
P(getmetatable(setmetatable({}, {__metatable = false})))
T("protected", setmetatable, setmetatable({}, {__metatable = "p"}), {})
-- __tostring returning non-string
T("tostring non-string", tostring, setmetatable({}, {__tostring = function() return 42 end}))
P(tostring(setmetatable({}, {__name = 42})):match("^table: ") ~= nil)
-- __unm/__bnot receive operand twice
setmetatable(a, {__unm = function(x, y) return rawequal(x, y) end, __bnot = function(x, y) return rawequal(x, y) end, __len = function(x, y) return rawequal(x, y) end})
P(-a, ~a, #a)
-- arithmetic with strings that look like numbers and metamethods on strings
P("10" + 5, "3" * "4", 10 .. "", pcall(function() return "a" + 1 end))
local smt = getmetatable("")
smt.__add = function(x, y) return "added" end
P(pcall(function() return "a" + 1 end), "1" + 1)
smt.__add = nil
P(pcall(function() return "a" + 1 end))
-- __index chain depth
local chain = {} local cur = chain for i = 1, 50 do local nxt = {} setmetatable(cur, {__index = nxt}) cur = nxt end cur.deep = "found" P(chain.deep)
-- metamethod on missing __index returns via rawget of metatable (not __index of metatable)
local mm = setmetatable({}, setmetatable({}, {__index = function() return function() return "via mt index" end end}))
P(pcall(function() return mm + 1 end))
-- __eq on different types not called
local eqany = setmetatable({}, {__eq = function() return true end}); P(eqany == 1, eqany == "x")
-- __lt for mixed number/table
P(pcall(function() return 1 < {} end))
-- __index with rawget fallback when __index is nil-valued
-- __newindex table chain
local n1, n2 = {}, {}; setmetatable(n1, {__newindex = n2}); setmetatable(n2, {__newindex = function(t, k, v) rawset(t, k, "wrapped " .. v) end}); n1.x = "v"; P(rawget(n1, "x"), rawget(n2, "x"))
-- __div by zero integer via metamethod not needed
-- __idiv/__mod errors on integer zero
T("idiv zero", function() return 1 // 0 end)
T("mod zero", function() return 1 % 0 end)
-- __gc field lookup
-- tostring uses __name
local named = setmetatable({}, {__name = "MyObj"}); P((tostring(named):gsub("0x%x+", "ADDR")))
T("arith on named", function() return named + 1 end)
T("concat on named", function() return named .. "" end)
T("index on named", function() local x = named.y.z end)
-- int/float keys via __index
local numidx = setmetatable({}, {__index = function(t, k) return math.type(k) end}); P(numidx[1], numidx[1.0], numidx[1.5], numidx[2^63])
-- __len on string not called
-- assignment to field with __newindex on nested global
