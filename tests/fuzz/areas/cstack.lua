local function P(...) print(...) end
local function short(e) e = tostring(e); return (e:gsub("^.-:%d+: ", "")):sub(1, 60) end
local function T(name, f, ...) local ok, e = pcall(f, ...); P(name, ok, short(e)) end
-- plain Lua recursion
local function rec(n) return 1 + rec(n + 1) end
T("lua rec", rec, 1)
local depth = 0
local function rec2() depth = depth + 1; rec2() end
T("lua rec2", rec2); P("depth>10000", depth > 10000)
-- __index chains
local t = setmetatable({}, {}); getmetatable(t).__index = function(s, k) return s[k .. "x"] end
T("__index fn", function() return t.a end)
local a = {}; local mt = {__index = a}; setmetatable(a, mt)
T("__index loop", function() return a.x end)
local b = {}; setmetatable(b, {__newindex = b}) 
T("__newindex loop", function() b.x = 1 end)
local c = setmetatable({}, {}); getmetatable(c).__newindex = function(s, k, v) s[k] = v end
T("__newindex fn", function() c.x = 1 end)
local d = setmetatable({}, {}); getmetatable(d).__call = function(s, ...) return (s(...)) end
T("__call", function() return d() end)
local e = setmetatable({}, {}); getmetatable(e).__concat = function(x, y) return x .. y end
T("__concat", function() return e .. "x" end)
local g = setmetatable({}, {}); getmetatable(g).__eq = function(x, y) return x == setmetatable({}, getmetatable(g)) end
T("__eq", function() return g == setmetatable({}, getmetatable(g)) end)
local h = setmetatable({}, {}); getmetatable(h).__add = function(x, y) return x + y end
T("__add", function() return h + 1 end)
local l = setmetatable({}, {}); getmetatable(l).__lt = function(x, y) return x < y end
T("__lt", function() return l < l end)
local ln = setmetatable({}, {}); getmetatable(ln).__len = function(x) return #x end
T("__len", function() return #ln end)
local ts = setmetatable({}, {}); getmetatable(ts).__tostring = function(x) return tostring(x) end
T("__tostring", function() return tostring(ts) end)
-- __call chain of tables (call a callable whose __call is a callable)
local cc = {}
for i = 1, 300 do cc = setmetatable({}, {__call = cc}) end
T("__call chain", function() return cc() end)
-- gsub recursion
local function gs(s) return (s:gsub(".", function(c) return gs(c) end)) end
T("gsub rec", gs, "a")
local function gm(s) for w in s:gmatch(".") do gm(w) end end
T("gmatch rec", gm, "a")
-- pcall nesting
local function pc(n) local ok, e = pcall(pc, n + 1); if not ok then error(e, 0) end return e end
T("pcall rec", pc, 1)
local function pc2() return select(2, pcall(pc2)) end
T("pcall rec2", pc2)
-- xpcall nesting with handlers
local function xp() return xpcall(xp, function(m) return m end) end
T("xpcall rec", xp)
-- coroutine.wrap nesting
local function cw(n) return coroutine.wrap(function() return cw(n + 1) end)() end
T("cwrap rec", cw, 1)
local function cr(n) local co = coroutine.create(function() return cr(n + 1) end); return coroutine.resume(co) end
T("cresume rec", function() local r = {cr(1)} return r[1], r[2] end)
-- error in error handling
T("xpcall err handler", function() return xpcall(error, function(m) error(m) end, "x") end)
-- table.sort comparator recursion
local function so() table.sort({3, 2, 1}, function(x, y) so(); return x < y end) end
T("sort rec", so)
-- load with reader recursion
local function ld() return load(function() ld() end) end
T("load rec", ld)
-- string.rep huge
T("rep huge", string.rep, "x", 1 << 40)
T("rep huge sep", string.rep, "x", 1 << 30, "yy")
-- deep tostring
-- error objects that are tables in deep recursion
local function er(n) if n == 0 then error({}) end er(n - 1) end
T("deep error", er, 10000)
-- parser limits
local function chk(name, src) local f, e = load(src); P(name, f ~= nil, e and short(e)) end
chk("parens 300", "return " .. string.rep("(", 300) .. "1" .. string.rep(")", 300))
chk("parens 190", "return " .. string.rep("(", 190) .. "1" .. string.rep(")", 190))
chk("tables 300", "return " .. string.rep("{", 300) .. string.rep("}", 300))
chk("funcs 300", string.rep("return function() ", 300) .. string.rep("end ", 300))
chk("do 300", string.rep("do ", 300) .. string.rep("end ", 300))
chk("if 300", string.rep("if x then ", 300) .. string.rep("end ", 300))
chk("while 250", string.rep("while x do ", 250) .. string.rep("end ", 250))
chk("unary 300", "return " .. string.rep("-", 300) .. "1")
chk("not 300", "return " .. string.rep("not ", 300) .. "1")
chk("concat 300", "return " .. string.rep("'a' .. ", 300) .. "'a'")
chk("pow 300", "return " .. string.rep("2 ^ ", 300) .. "2")
chk("add 10000", "return " .. string.rep("1 + ", 10000) .. "1")
chk("locals 200", "local " .. string.rep("a,", 199) .. "a")
chk("locals 201", "local " .. string.rep("a,", 200) .. "a")
local s = {} for i = 1, 201 do s[#s+1] = "local a" .. i end
chk("locals 201 stmts", table.concat(s, ";"))
s = {} for i = 1, 256 do s[#s+1] = "local u" .. i .. " = " .. i end
s[#s+1] = "return function() return " for i = 1, 256 do s[#s+1] = "u" .. i .. (i < 256 and "+" or "") end s[#s+1] = " end"
chk("upvalues 256", table.concat(s, "\n"))
s = {} for i = 1, 100 do s[#s+1] = "local u" .. i .. " = " .. i end
s[#s+1] = "return function() return " for i = 1, 100 do s[#s+1] = "u" .. i .. (i < 100 and "+" or "") end s[#s+1] = " end"
chk("upvalues 100", table.concat(s, "\n"))
s = {"return {"} for i = 1, 70000 do s[#s+1] = i .. ".5," end s[#s+1] = "}"
local f = load(table.concat(s)); P("consts 70000", f and #f())
s = {"local t = {"} for i = 1, 70000 do s[#s+1] = "'s" .. i .. "'," end s[#s+1] = "} return #t"
f = load(table.concat(s)); P("str consts 70000", f and f())
chk("assign 300 targets", string.rep("a,", 299) .. "a = 1")
chk("call args 300", "print(" .. string.rep("1,", 299) .. "1)")
chk("chained calls", "return f" .. string.rep("()", 1000))
chk("chained index", "return f" .. string.rep(".x", 10000))
chk("method chain", "return f" .. string.rep(":m()", 1000))
chk("string nest", "return " .. string.rep("{", 199) .. string.rep("}", 199))
chk("elseif 1000", "if x then " .. string.rep("elseif x then ", 1000) .. "end")
chk("return many", "return " .. string.rep("1,", 1000) .. "1")
P(select('#', load("return " .. string.rep("1,", 250) .. "1")()))
T("unpack many", function() return select('#', table.unpack({}, 1, 1e6)) end)
T("unpack too many", function() return select('#', table.unpack({}, 1, 1e8)) end)
T("unpack huge", function() return table.unpack({}, 1, math.maxinteger) end)
T("unpack minmax", function() return table.unpack({}, math.mininteger, math.maxinteger) end)
T("string.byte many", function() return select('#', string.byte(string.rep("x", 1e6), 1, -1)) end)
T("concat deep", function() local t = {} for i = 1, 1e5 do t[i] = "x" end return #table.concat(t) end)
T("many results", function() local function f(n) if n == 0 then return end return n, f(n - 1) end return select('#', f(190)) end)
T("tostring rec", function() local x = setmetatable({}, {__tostring = function(s) return "<" .. tostring(s) .. ">" end}) return tostring(x) end)
T("__index depth 100", function() local t = {v = 1} for i = 1, 100 do t = setmetatable({}, {__index = t}) end return t.v end)
T("__index depth 2100", function() local t = {v = 1} for i = 1, 2100 do t = setmetatable({}, {__index = t}) end return t.v end)
T("__newindex depth 2100", function() local t = {} for i = 1, 2100 do t = setmetatable({}, {__newindex = t}) end t.v = 1 return true end)
P("done")
