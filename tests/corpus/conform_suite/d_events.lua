-- conform_suite (part D): metamethods: __index/__newindex/__call chains, comparisons, bitwise, __tostring, __name, __metatable, __mode, __close, written from the reference manual; lua5.4's output is the expectation
local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); local o = {} for i = 1, r.n do o[#o+1] = tostring(r[i]) end P(name, table.concat(o, " | ")) end
-- __index chains
local base = {a = 1}
local mid = setmetatable({b = 2}, {__index = base})
local top = setmetatable({}, {__index = mid})
P(top.a, top.b, top.c)
local fchain = setmetatable({}, {__index = function(t, k) return k .. "!" end})
local tchain = setmetatable({}, {__index = fchain})
P(tchain.x, rawget(tchain, "x"))
-- __newindex chain to table
local store = {}
local proxy = setmetatable({}, {__newindex = store})
proxy.x = 1; P(rawget(proxy, "x"), store.x)
local proxy2 = setmetatable({}, {__newindex = proxy}); proxy2.y = 2; P(store.y, rawget(proxy, "y"))
-- __newindex with existing key
local seen = {}
local nt = setmetatable({k = 1}, {__newindex = function(t, k, v) seen[#seen+1] = k; rawset(t, k, v) end})
nt.k = 2; nt.j = 3; nt.j = 4; P(table.concat(seen, ","), nt.k, nt.j)
-- __call chains
local c1 = setmetatable({}, {__call = function(self, a, b) return "c1", a, b end})
P(c1(1, 2))
local c2 = setmetatable({}, {__call = c1})
P(select("#", c2(3)), select(3, c2(3)), type(select(2, c2(3))))
T("call non-callable __call", function() local c3 = setmetatable({}, {__call = 1}); return c3() end)
-- __concat with numbers
local cc = setmetatable({}, {__concat = function(a, b) return (type(a) == "table" and "T" or tostring(a)) .. "+" .. (type(b) == "table" and "T" or tostring(b)) end})
P(cc .. 1, 1 .. cc, 1.5 .. cc, "s" .. cc, cc .. cc, 1 .. 2 .. cc)
-- __len
P(#setmetatable({1, 2}, {__len = function() return 10 end}), #setmetatable({1, 2}, {__len = function() return "x" end}))
-- __eq only same types, not called for primitive
local eqc = 0
local emt = {__eq = function(a, b) eqc = eqc + 1 return true end}
local e1, e2 = setmetatable({}, emt), setmetatable({}, emt)
P(e1 == e2, e1 ~= e2, e1 == 1, e1 == "x", e1 == e1, eqc)
local e3 = setmetatable({}, {__eq = function() return 1 end}); P(e1 == e3, e3 == e1)
local u1 = io.stdout; P(u1 == setmetatable({}, emt))
-- __lt __le
local lmt = {__lt = function(a, b) return true end}
local l1, l2 = setmetatable({}, lmt), setmetatable({}, lmt)
P(l1 < l2, l1 > l2)
T("le without __le", function() return l1 <= l2 end)
local lemt = {__le = function(a, b) return "yes" end}
P(setmetatable({}, lemt) <= 1, 1 >= setmetatable({}, lemt))
T("lt mixed", function() return setmetatable({}, lmt) < 1 end)
T("lt num str", function() return 1 < "x" end)
-- __unm, bitwise with strings and floats
local amt = {}
for _, k in ipairs{"add","sub","mul","div","mod","pow","unm","idiv","band","bor","bxor","shl","shr","bnot"} do amt["__" .. k] = function(a, b) return k end end
local a = setmetatable({}, amt)
P(-a, ~a, a & 1, 1 | a, a ~ 1, a << 1, 1 >> a, a // 0, a % 0, a / 0, a ^ 2)
T("bitwise coercions", function() return 3.0 | 0, 2^53 | 0, "3" & 1 end)
T("band float", function() return 1.5 & 1 end)
T("band strfloat", function() return "1.5" & 1 end)
T("band str", function() return "a" & 1 end)
T("shl huge", function() return 1 << 64, 1 << 63, -1 >> 1, 1 << -1, 2 >> -1 end)
-- string arithmetic coercion
P("10" + 1, "3" * "4", "2" ^ 2, -"2", "10" // 3, "7" % "2", "1e2" + 0)
T("str arith bad", function() return "abc" + 1 end)
T("str unm bad", function() return -"abc" end)
-- __tostring and __name
T("tostring non-string", tostring, setmetatable({}, {__tostring = function() return 42 end}))
T("tostring table ret", tostring, setmetatable({}, {__tostring = function() return {} end}))
T("print tostring bad", print, setmetatable({}, {__tostring = function() return true end}))
P(tostring(setmetatable({}, {__name = "N", __tostring = function() return "custom" end})))
T("__name in error", function() return setmetatable({}, {__name = "Point"}) < 1 end)
T("__name in arg error", function() return ("x"):rep(setmetatable({}, {__name = "Point"})) end)
-- __metatable
local prot = setmetatable({}, {__metatable = "locked"})
P(getmetatable(prot))
T("change protected", setmetatable, prot, {})
P(getmetatable("").__metatable, getmetatable("abc") == getmetatable(""))
-- __mode
local weak = setmetatable({}, {__mode = "k"})
weak[{}] = 1; collectgarbage(); collectgarbage()
local cnt = 0 for _ in pairs(weak) do cnt = cnt + 1 end P("weak k", cnt)
local wv = setmetatable({}, {__mode = "v"}); wv[1] = {}; wv[2] = "str"; wv[3] = 10; collectgarbage()
P("weak v", wv[1], wv[2], wv[3])
-- rawequal, rawlen, rawget
P(rawequal(e1, e2), rawequal(e1, e1), rawequal("a", "a"), rawlen({1, 2}), rawlen("abc"))
T("rawlen bad", rawlen, 5)
T("rawequal missing", rawequal, 1)
-- __idiv / __mod by zero without metamethods
T("idiv 0", function() return 5 // 0 end)
T("mod 0", function() return 5 % 0 end)
P(5 // 0.0, -5 // 0.0, 5 % 0.0, 0/0 ~= 0/0, 5.0 % -math.huge, -5.0 % math.huge, 5 % -3, -5 % 3, 5.5 % -2)
P(math.mininteger // -1, math.mininteger % -1)
-- __index on strings
P(("abc"):upper(), ("x").len == string.len, #"abc")
local smt = getmetatable("")
local oldidx = smt.__index
smt.__index = function(s, k) return "idx:" .. k end
P(("abc").foo)
smt.__index = oldidx
-- __close
do
  local order = {}
  do
    local x <close> = setmetatable({}, {__close = function(o, e) order[#order+1] = "x" .. tostring(e) end})
    local y <close> = setmetatable({}, {__close = function(o, e) order[#order+1] = "y" .. tostring(e) end})
  end
  P(table.concat(order, ","))
end
-- metamethods looked up raw
local trick = setmetatable({}, {__index = function(t, k) if k == "__add" then return function() return "no" end end end})
T("add via __index", function() return setmetatable({}, trick) + 1 end)
-- __gc on table
local gcran = false
do local x = setmetatable({}, {__gc = function() gcran = true end}) end
collectgarbage(); collectgarbage(); P("gc", gcran)
-- __lt for strings/numbers mixed
P("a" < "b", "a" < "B", "" < "a", "a\0b" < "a\0c", "Z" < "a")
