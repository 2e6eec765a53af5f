-- Known difference (tests/known-failures.txt, tests/fuzz/syntax-known.txt): in a function with more
-- than 255 constants, lua5.4 puts each further constant (and _ENV, for a global name) in a register
-- of its own, so "function or expression needs too many registers" comes a few values earlier than
-- luahost reports it.
local function L(s) local f, e = load(s, "=n", "t"); print(f and "ok" or e) end
local function list(n, fmt) local t = {} for i = 1, n do t[i] = fmt:format(i) end return table.concat(t, ", ") end
local many = "local t = {" .. list(300, "k%d = 1") .. "} "
for n = 250, 256 do
  L("return " .. list(n, "x%d"))
  L(many .. "return " .. list(n, "x%d"))
  L(many .. "return " .. list(n, "t.y%d"))
end
