local function P(...) print(...) end
local A = 0
local function f(x) local a = {} for i = 1, 1000 do local y = 0 do a[i] = function() y = y + x; return y + A end end end
  local dummy = function() return a[A] end
  collectgarbage() A = 1 assert(dummy() == a[1]) A = 0
  P(a[1](), a[1](), a[2](), a[1000]())
end
f(10)
-- closures share upvalues
local function counter() local c = 0 return function() c = c + 1 return c end, function() return c end end
local inc, get = counter(); inc(); inc(); P(get())
-- loop var per iteration
local fs = {} for i = 1, 3 do fs[i] = function() i = i + 10; return i end end P(fs[1](), fs[1](), fs[2]())
local ws = {} local j = 1 while j <= 3 do local k = j ws[j] = function() return k end j = j + 1 end P(ws[1](), ws[3]())
local rs = {} local m = 0 repeat local n = m rs[#rs + 1] = function() return n end m = m + 1 until n >= 2 P(rs[1](), rs[3]())
-- closures with goto back
local gs = {} do local i = 1 ::top:: local x = i gs[i] = function() return x end i = i + 1 if i <= 3 then goto top end end P(gs[1](), gs[2](), gs[3]())
-- recursion via upvalue
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end P(fact(20), fact(21))
-- closures as weak keys collected
local wk = setmetatable({}, {__mode = "k"})
for i = 1, 10 do wk[function() return i end] = i end
collectgarbage() P(next(wk))
-- upvalue identity
local function mkpair() local v = 1 return function() return v end, function(x) v = x end end
local g1, s1 = mkpair(); s1(42); P(g1(), debug.upvalueid(g1, 1) == debug.upvalueid(s1, 1))
-- same function prototype different closures not equal
local function mk() return function() end end P(mk() == mk())
local function mk2() local u = {} return function() return u end end P(mk2() == mk2())
-- closures capturing vararg through table
local function va(...) local t = {...} return function() return table.unpack(t) end end P(va(1, 2, 3)())
-- deep nesting of closures
local src = "local x = 0 " .. string.rep("return (function() ", 100) .. "x = x + 1 return x" .. string.rep(" end)()", 100)
local lf0, le0 = load(src); P(lf0 and lf0(), le0)
-- upvalues of main chunk
P(debug.getupvalue(load("return x"), 1))
local fx = load("local a = 1; return function() return a end")(); P(debug.getupvalue(fx, 1))
-- closing over for-loop control in nested loops
local acc = {} for i = 1, 2 do for j2 = 1, 2 do acc[#acc + 1] = function() return i * 10 + j2 end end end
local out = {} for _, fn in ipairs(acc) do out[#out + 1] = fn() end P(table.concat(out, ","))
-- string.dump of closure with upvalues: upvalues nil after load
local up = 5 local function cu() return up end
local lf = load(string.dump(cu)); P(pcall(lf))
-- literals
P(0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffffff, 1e-400, 0x1p-1074, 0x.8, 0xA, 0Xa, 1E2, 3 == 3.0)
P("\u{48}\u{49}", "\z
    x", '\'', "\"", "a\
b", [[
x]], [==[
]]]==])
P(#"\000\00\0", "\09" == "\t", "\x7a", "\122")
P(load("return 1e+"), load("return 0x1p"), load("return '\\u{}'"), load("return '\\u{D800}'"), load("return '\\xZZ'"), load("return '\\256'"), load("return '\\1234'"))
P(load("return 08"), load("return 0xx"), load("return 1..2"), load("return 1 .. 2"))
P(1//1, 2^-1074 > 0, 9007199254740993, 2^63, -2^63 == math.mininteger, 123456789012 * 1000000000)
local s = "return " .. string.rep("9", 30) P(load(s)())
P(tonumber("0x" .. string.rep("f", 20)), tonumber("1" .. string.rep("0", 30)), 0xffffffffffffffff + 1)
