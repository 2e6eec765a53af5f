local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); P(name, table.unpack(r, 1, r.n)) end
-- precedence
P(2 + 3 * 4 ^ 2 / 2, -2 ^ 2, not nil == true, 1 .. 2 .. 3, "a" .. "b" == "ab", 2 ^ 3 ^ 2, -3 % 5, (-3) % 5, 1 < 2 == true, 5 // 2 * 2 + 5 % 2)
P(1 + 2 << 1, 1 << 2 + 1, 3 & 5 | 2, 3 | 5 & 2, 3 ~ 5 & 1, ~0 >> 60, 1 .. 2 == "12", #"ab" + 1, -"2" ^ 2, not 1 == 2)
P(nil and 1, false or nil, 1 and 2, nil or false, false and error(), 1 or error(), (nil or 0) + 1)
-- short-circuit returns value
local x = nil; P(x and x.y, x or "def")
-- while/repeat/if
local i = 0 while i < 5 do i = i + 1 if i == 3 then break end end P(i)
i = 0 repeat local j = i; i = i + 1 until j >= 3 P(i)
if false then P("no") elseif nil then P("no") else P("else") end
-- goto
do local k = 0 ::top:: k = k + 1 if k < 3 then goto top end P("goto", k) end
for k = 1, 3 do for l = 1, 3 do if l == 2 then goto continue end io.write(k, l, " ") ::continue:: end end print()
P(load("goto l1; local a; ::l1:: print(a)"))
P(load("do goto l2 end ::l2::"))
P(load("::a:: ::a::"))
P(load("goto nope"))
P(load("do ::l:: end goto l"))
P(load("local x ::l:: goto l"))
P(load("repeat goto cont; local z = 1 ::cont:: until z"))
P(load("repeat goto cont; local z = 1 ::cont:: until true"))
P(load("::l:: ::m:: goto l; local x; ::n::"))
P(load("while true do goto out end ::out::"))
P(load("break"))
P(load("if x then break end"))
P(load("for i=1,2 do end break"))
-- closures in loops capture fresh
local fs = {} for k = 1, 3 do local y = k * 10 fs[k] = function() return y end end P(fs[1](), fs[3]())
local gs = {} local m = 1 while m <= 3 do local z = m gs[m] = function() return z end m = m + 1 end P(gs[1](), gs[3]())
-- multiple assignment evaluation order
local a, b, c = 1 P(a, b, c)
local t = {} local n = 1; n, t[n] = 2, "v"; P(n, t[1], t[2])
local p, q = 1, 2; p, q = q, p; P(p, q)
local r = {}; r.x, r.y = 1, 2, 3; P(r.x, r.y)
local function mr() return 1, 2, 3 end
local u1, u2, u3, u4 = mr(); P(u1, u2, u3, u4)
local v1, v2, v3 = mr(), 10; P(v1, v2, v3)
local tt = {}; tt.a, tt.b = 1, 2, 3, mr(); P(tt.a, tt.b)
-- numeric/string comparisons
P(1 == 1.0, "1" == 1, 0.1 + 0.2 > 0.3, math.maxinteger + 1.0 == 2^63, -0.0 == 0)
-- long strings and comments
P([[
first newline skipped]], [==[a]]b]==], #[[

]])
--[==[ long
comment ]==] P("after comment")
-- integer/float literal forms
P(0x10, 0xA.8p0, 0x.1p4, 1e2, 1E-2, .5, 5., 3e0, 0xffffffffffffffff, 0x7fffffffffffffff + 1, 9223372036854775807, 9223372036854775808, -9223372036854775808, math.type(-9223372036854775808))
P(100 // 1e0, 2^63 == 9223372036854775808, 0x1p63, 1e309, -1e309)
-- escapes
P("\65\066\x43\u{44}\z
   E\tF\\\"\'\a\b\f\v" == "ABCDE\tF\\\"'\7\8\12\11", "\u{0}" == "\0", #"\u{10FFFF}", #"\u{7FFFFFFF}")
P(load([[return "\xg"]]), load([[return "\400"]]), load([[return "\u{110000000}"]]), load([[return "\q"]]), load("return 'abc"), load("return [[abc"), load("return \"a\nb\""))
P(load("return 0x"), load("return 1e"), load("return 3..2"), load("return 1.2.3"), load("return 0xep1"))
P(load("x = 1 = 2"), load("local function end"), load("return return"), load("f() = 1"), load("(a) = 1"), load("a.b:c = 1"), load("local t = {a = }"))
P(load("return @"), load("return $"), load("x = '\\'"), load("--[[ unclosed"), load("a = [=[ x ]]"))
P(load("local a <const> = 1; a = 2"))
P(load("for i = 1 do end"), load("for a, b in do end"), load("function t:m.x() end"), load("return ..."), load("function f() return ... end"))
P(load("return 1 +"), load("x ="), load("local"), load("if x then"), load("while true do"), load("(f)"), load("a, b"), load("f() + 1"))
-- integer division & overflow constants fold
P(math.mininteger // -1, 7 // -2, -7 // 2, 7 % -2, 0x7fffffffffffffff * 2)
-- numeric for with changing control var
for k = 1, 3 do local kk = k; k = k * 10; io.write(kk, ":", k, " ") end print()
-- varargs in main chunk
P(select('#', ...), ...)
-- semicolons
;;; P("semis") ;
-- method call sugar on string literal
P(("x"):rep(3), #"abc", ("a" .. "b"):upper())
-- table access chains
local deep = {a = {b = {c = {d = "deep"}}}} P(deep.a.b.c.d, deep["a"]["b"].c["d"])
-- upvalue in nested closures
local function outer() local v = 0 return function() v = v + 1 return function() return v end end end
local inc = outer(); inc(); P(inc()())
-- string coercion in concat of floats
P(1.0 .. "", 1e100 .. "", (2^63) .. "", 0.1 .. "")
-- integer for loop with float step
for f = 1, 2, 0.5 do io.write(f, " ") end print()
P(pcall(load("for i = 1, 10, 0 do end")))
