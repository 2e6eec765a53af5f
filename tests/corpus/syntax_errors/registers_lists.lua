-- "function or expression needs too many registers" where lua5.4 reports it (found by the syntax
-- fuzzer, tests/fuzz/README.md): the last value of a list that goes to a register of its own
-- (return, local and multiple assignment with more values than targets), table constructors (which
-- store every 50 items, so their registers never run out), and the left operand of a binary
-- operator held in a register while the right one is parsed (a concatenation's always).
local function L(s) local f, e = load(s, "=n", "t"); print(f and "ok" or e) end
local function list(n, fmt) local t = {} for i = 1, n do t[i] = fmt:format(i) end return table.concat(t, ", ") end
for _, n in ipairs{252, 253, 254, 255} do
  L("f(" .. list(n, "%d") .. ")")
  L("local a f(" .. list(n, "%d") .. ")")
  L("local a, b f(" .. list(n, "%d") .. ")")
  L("return " .. list(n, "%d"))
  L("local a return " .. list(n, "a"))
  L("x = {" .. list(n, "%d") .. "}")
  L("x = {" .. list(n, "f()") .. "}")
  L("x = {" .. list(n, "{}") .. "}")
  L("local t = {} t.x = f(" .. list(n, "%d") .. ")")
  L("local t = {} t[1], t[2] = f(" .. list(n, "%d") .. ")")
  L("local x = g(1, f(" .. list(n, "%d") .. "))")
  L("x = y:m(" .. list(n, "%d") .. ")")
  L("x = {1, 2, f(" .. list(n, "%d") .. ")}")
  L("x = {k = 1, [2] = 3, f(" .. list(n, "%d") .. ")}")
  L("local a = " .. list(n, "%d.5"))
  L("a, b = " .. list(n, "%d"))
  L("local a, b, c = " .. list(n, "%d") .. ", ...")
end
for _, pre in ipairs{"a .. ", "a + ", "1 + ", "a.b + ", "a == ", "'s' == ", "a < ", "1000 < ", "5 < ", "a and ",
    "x and ", "(a) .. ", "f() .. ", "{} .. ", "a.b .. 'x' .. ", "'q' + ", "x + ", "x .. ", "-3 < ", "nil or ",
    "2 // ", "a .. b .. "} do
  for _, n in ipairs{251, 252, 253, 254} do
    L("local x; y = " .. pre .. "f(" .. list(n, "%d") .. ")")
  end
end
