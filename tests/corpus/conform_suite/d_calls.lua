-- conform_suite (part D): calls: tail calls in tracebacks, deep recursion, select, load with env and readers, many values, written from the reference manual; lua5.4's output is the expectation
local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); local o = {} for i = 1, r.n do o[#o+1] = tostring(r[i]) end P(name, table.concat(o, " | ")) end
-- tail calls in tracebacks
local function lvl() return debug.traceback("tb", 1) end
local function t1() return lvl() end
local function t2() return t1() end
P(t2())
local function deep(n) if n == 0 then return debug.traceback("deep") end return deep(n - 1) end
P(deep(5))
local function infos() local r = {} for l = 1, 4 do local i = debug.getinfo(l, "nSt") if not i then break end r[#r+1] = tostring(i.name) .. ":" .. i.what .. ":" .. tostring(i.istailcall) end return table.concat(r, " ") end
local function ti() return infos() end
P(ti())
-- tail-call depth unbounded
local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
P(loop(1000000))
-- deep non-tail recursion
local function rec(n) if n == 0 then return 0 end return 1 + rec(n - 1) end
P(rec(10000))
T("overflow", function() local function inf(n) return 1 + inf(n) end return inf(1) end)
T("overflow msg shape", function() local function inf() local x = inf() return x end local ok, e = pcall(inf) return (e:gsub("^.-:%d+: ", "")) end)
-- select negative
P(select(-1, 1, 2, 3), select(-3, 1, 2, 3))
T("select -4", select, -4, 1, 2, 3)
T("select 0", select, 0)
P(select(2, "a", "b", "c"))
P(select(5, "a"))
P(select('#'), select('#', nil, nil))
-- load with env
local env = {x = 5}
local f = load("return x", "chunk", "t", env); P(f())
f = load("x = 10; return x", "=c", "t", env); P(f(), env.x, x)
P(load("return ...", "c")(1, 2, 3))
T("load binary mode", load, string.dump(function() return 1 end), "b", "t")
P(load("syntax error here"))
P(type(load(function() return nil end)))
local parts = {"return ", "1 ", "+ 2"}
local i = 0
P(load(function() i = i + 1 return parts[i] end)())
T("load reader bad", load, function() return {} end)
T("load reader err", load, function() error("rd") end)
P(load("return _ENV")() == _G, load("return _ENV", "c", "t", nil)())
-- many params and returns
local function many(...) return select('#', ...), ... end
local big = {} for i = 1, 250 do big[i] = i end
P((many(table.unpack(big))))
local function r250() return table.unpack(big) end
P(select('#', r250()))
local function params(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20) return a1 + a20, a10 end
P(params(table.unpack(big)))
T("params nil arith", params, 1)
-- varargs in table constructors and calls
local function va(...) return {...}, {..., "x"}, {"y", ...} end
local a, b, c = va(1, 2, 3)
P(#a, #b, #c, b[2], c[4])
local function pass(...) return ... end
P(pass(1, nil, 3))
P((pass(1, 2)))
-- method calls with self
local obj = {n = 1}
function obj:inc(k) self.n = self.n + (k or 1) return self end
P(obj:inc():inc(5).n)
-- call with string/table literal
local function id(x) return x end
P(id"str", id{1}[1], id[[long]])
-- function definitions
local o = {a = {b = {}}}
function o.a.b.f() return "f" end
function o.a.b:m() return self == o.a.b end
P(o.a.b.f(), o.a.b:m())
-- closures and upvalues in loops
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
P(fs[1](), fs[2](), fs[3]())
-- string.dump roundtrip with upvalues
local up = 5
local function withup() return up end
local d = load(string.dump(withup))
P(d() == _G)
P((debug.getupvalue(d, 1)))
-- calls through pcall returning many
P(select('#', pcall(table.unpack, big)))
-- calling a non-function errors
T("call nil", function() local x; x() end)
T("call via field", function() local t = {}; t.a.b() end)
