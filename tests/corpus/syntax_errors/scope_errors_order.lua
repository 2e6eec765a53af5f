-- Errors that lua5.4 finds while parsing (assignments to <const> and <close> variables, repeated
-- labels, gotos into the scope of a local, gotos without a label, breaks outside loops, too many
-- upvalues) come before a syntax error later in the chunk, as the reference finds them in one pass
-- (found by the syntax fuzzer, tests/fuzz/README.md).
local function L(s) local f, e = load(s, "=n", "t"); print(f and "ok" or e) end
L("local x <const> = 1; x = 2 )")
L("local x <close> = nil; x = 2 )")
L("local x <const> = {}; function f() x = 2 end )")
L("local x <const> = 1; function x() end )")
L("local x <const> = 1; local function g() function x() end end )")
L("local a, b <const> = 1, 2; a, b = 3")
L("local a <const> = 1; a.b, a = 1, 2 )")
L("local x <const> = 1\n\nx\n=\n2 )")
L("goto l; local x; ::l:: print(x) )")
L("goto l; local x; ::l:: )")
L("do goto l; local x; ::l:: end )")
L("repeat goto l; local x; ::l:: until x )")
L("repeat goto l; local x; ::l:: ; ; until x )")
L("::l:: ::l:: )")
L("::l:: do ::l:: end")
L("::l:: do ::m:: ::m:: end )")
L("function f() goto nowhere end )")
L("function f() break end )")
L("local f = function() if x then break end end )")
L("goto nowhere )")
L("while 1 do break end break")
L("for i = 1, 2 do goto c; local z ::c:: end")
L("for i = 1, 2 do goto c; local z ::c:: ; ; end )")
L("for i = 1, 2 do goto c; local z ::c:: ::d:: end )")
L("for k, v in pairs(t) do goto c; local z ::c:: local w end )")
L("::a:: goto a; local b; goto a")
L("do local x; goto l end ::l::")
L("while x do if y then break end end")
L("local _ENV <const> = {}; x = 1")
L("local _ENV <const> = {}; _ENV = 1 )")
L("local x <const> = 10; local function f() return x end x = 1 )")
local ps, qs, uses = {}, {}, {}
for i = 1, 150 do ps[#ps + 1] = "local p" .. i .. " = 1" end
for i = 1, 110 do qs[#qs + 1] = "local q" .. i .. " = 1" end
for i = 1, 150 do uses[#uses + 1] = "x = p" .. i end
for i = 1, 110 do uses[#uses + 1] = "x = q" .. i end
L(table.concat(ps, " ") .. " local function f() " .. table.concat(qs, " ") .. "\nreturn function() "
  .. table.concat(uses, " ") .. " end end )")
L(table.concat(ps, " ") .. " local function f() " .. table.concat(qs, " ") .. "\nreturn function() "
  .. table.concat(uses, " ", 1, 254) .. " y = 1 end end )")
L(table.concat(ps, " ") .. " local function f() " .. table.concat(qs, " ") .. "\nreturn function() "
  .. table.concat(uses, " ", 1, 255) .. " y = 1 end end )")
