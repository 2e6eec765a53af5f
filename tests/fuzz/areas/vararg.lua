local function P(...) print(...) end
local function f(...) return select('#', ...), ... end
P(f()); P(f(nil)); P(f(nil, nil)); P(f(1, nil, 3, nil))
local function g(a, ...) local t = {...}; return a, #t, ... end
P(g(1, 2, 3)); P(g())
local function h(...) local a, b, c = ...; return c, b, a end
P(h(1, 2))
P(table.unpack({f(1, 2)}))
local function count(...) return select('#', ...) end
local big = {} for i = 1, 250 do big[i] = i end
P(count(table.unpack(big)), count(table.unpack(big, 1, 240)))
P(pcall(select, '#'))
P(select(-1, 1, 2, 3), pcall(select, -4, 1, 2, 3), select(4, 1, 2, 3))
P(select(2.0, "a", "b"), pcall(select, 1.5, "a"), pcall(select, "x"))
local function varf(...) local arg = ...; return arg end
P(varf(5, 6))
local function adj(...) return ..., "end" end
P(adj(1, 2, 3))
P((f(1, 2, 3)))
P(({f(1, 2)})[3], #{...})
local function tail(...) return select('#', ...) end
local function caller(...) return tail(...) end
P(caller(1, nil, nil))
local mt = setmetatable({}, {__call = function(self, ...) return select('#', ...) end})
P(mt(), mt(nil), mt(1, 2))
P(string.format("%d %d", f(9)))
local function va2(...) local t = table.pack(...); return t.n, t[t.n] end
P(va2(1, nil, 3, nil, nil))
P(load("return ...")(1, 2, 3))
P(load("local a, b = ...; return b, a")(1, 2))
P(pcall(load, "function f() return ... end"))
P(load("local function f(...) return function() return ... end end"))
local co = coroutine.wrap(function(...) local n = select('#', ...); local x = table.pack(coroutine.yield(n, ...)); return x.n, table.unpack(x, 1, x.n) end)
P(co(1, nil)); P(co(nil, nil, nil))
P(math.max(f(1, 5, 3)))
P(#table.pack(table.unpack({}, 1, 100)))
-- bitwise
P(0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ~ 0x0F, ~0xFF, 1 << 4, 256 >> 4, -1 >> 1, -1 << 1, 1 << 63, 1 << 64, 1 >> 64, 1 << -1, 2 >> -1)
P(3.0 & 1, pcall(function() return 3.5 & 1 end), pcall(function() return "3" & 1 end), pcall(function() return {} & 1 end))
P(math.maxinteger & math.mininteger, math.mininteger >> 63, math.mininteger // -1, ~math.mininteger)
P(2^53 | 0, pcall(function() return 2^64 | 0 end), pcall(function() return (0/0) | 0 end), pcall(function() return math.huge | 0 end))
local a = 1.0; P(pcall(function() return a | 1.5 end))
local bs = setmetatable({}, {__band = function(x, y) return "band" end, __shl = function() return "shl" end, __bnot = function() return "bnot" end})
P(bs & 1, 1 & bs, bs << 1, ~bs, pcall(function() return bs | 1 end))
P(5 // 0.0, -5 // 0.0, 0x7fffffffffffffff + 1 == math.mininteger, 0xffffffffffffffff == -1)
P(string.format("%x", -1 >> 4), 1 << 62 << 1, (1 << 63) - 1 == math.maxinteger)
P(load("return 1 << 1.5"), pcall(load("return 1 << 1.5")))
P(pcall(load("local x = 2^63; return x | 0")))
P(pcall(load("local x = '0x10'; return x | 0")))
