-- conform_suite (part D): the debug library: getinfo options and names, activelines, hooks, locals, upvalues, written from the reference manual; lua5.4's output is the expectation
local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); local o = {} for i = 1, r.n do o[#o+1] = tostring(r[i]) end P(name, table.concat(o, " | ")) end
local function dump(t) local ks = {} for k in pairs(t) do ks[#ks+1] = k end table.sort(ks) local o = {} for _, k in ipairs(ks) do local v = t[k] if type(v) == "table" then local a = {} for kk, vv in pairs(v) do a[#a+1] = tostring(kk) .. "=" .. tostring(vv) end table.sort(a) v = "{" .. table.concat(a, ",") .. "}" elseif type(v) == "function" then v = (v == print and "print") or "fn" end o[#o+1] = k .. "=" .. tostring(v) end return table.concat(o, " ") end
local function f(a, b, ...) local x = 1
  return debug.getinfo(1)
end
P(dump(f(1, 2)))
P(dump(debug.getinfo(f)))
P(dump(debug.getinfo(print)))
P(dump(debug.getinfo(1, "S")))
P(dump(debug.getinfo(f, "L")))
T("gt", debug.getinfo, f, ">S")
T("bad opt", debug.getinfo, 1, ">")
T("bad opt2", debug.getinfo, f, ">L")
T("bad opt3", debug.getinfo, 1, "X")
T("lvl big", debug.getinfo, 100)
T("lvl neg", debug.getinfo, -1)
T("bad arg", debug.getinfo, "x")
T("bad arg2", debug.getinfo, {})
P(dump(debug.getinfo(0)))
-- names
local t = {}
function t.m(self) local i = debug.getinfo(1, "n"); return i.name, i.namewhat end
function t:mm() local i = debug.getinfo(1, "n"); return i.name, i.namewhat end
P(t.m(t)); P(t:m()); P(t:mm())
function G() local i = debug.getinfo(1, "n"); return i.name, i.namewhat end
P(G())
local function L() local i = debug.getinfo(1, "n"); return i.name, i.namewhat end
P(L())
local function U() return L() end
P(U())
local function up() local i = debug.getinfo(1, "n"); return i.name, i.namewhat end
local function callsup() local r = {up()} return table.unpack(r) end
P(callsup())
for k in function() local i = debug.getinfo(1, "n") P("iter", i.name, i.namewhat) end do end
local mt = {__index = function() local i = debug.getinfo(1, "n"); return i.name .. "/" .. i.namewhat end,
  __add = function() local i = debug.getinfo(1, "n"); return i.name .. "/" .. i.namewhat end,
  __eq = function() local i = debug.getinfo(1, "n"); P("eq", i.name, i.namewhat) return true end,
  __lt = function() local i = debug.getinfo(1, "n"); P("lt", i.name, i.namewhat) return true end,
  __le = function() local i = debug.getinfo(1, "n"); P("le", i.name, i.namewhat) return true end,
  __concat = function() local i = debug.getinfo(1, "n"); return i.name .. "/" .. i.namewhat end,
  __len = function() local i = debug.getinfo(1, "n"); return i.name .. "/" .. i.namewhat end,
  __unm = function() local i = debug.getinfo(1, "n"); return i.name .. "/" .. i.namewhat end,
  __call = function() local i = debug.getinfo(1, "n"); return tostring(i.name) .. "/" .. i.namewhat end,
  __close = function() local i = debug.getinfo(1, "n"); P("close", i.name, i.namewhat) end,
  __newindex = function() local i = debug.getinfo(1, "n"); P("newindex", i.name, i.namewhat) end,
  __band = function() local i = debug.getinfo(1, "n"); return i.name .. "/" .. i.namewhat end,
  __shl = function() local i = debug.getinfo(1, "n"); return i.name .. "/" .. i.namewhat end,
  __bnot = function() local i = debug.getinfo(1, "n"); return i.name .. "/" .. i.namewhat end,
  __idiv = function() local i = debug.getinfo(1, "n"); return i.name .. "/" .. i.namewhat end,
  __mod = function() local i = debug.getinfo(1, "n"); return i.name .. "/" .. i.namewhat end,
}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
P(a.x, a + 1, 1 + a, a .. "s", #a, -a, a(), a & 1, a << 1, ~a, a // 1, a % 1)
local _ = a == b, a < b, a <= b, a > b
a.y = 1
do local c <close> = a end
P(pcall(a))
-- tostring __tostring name
local ts = setmetatable({}, {__tostring = function() local i = debug.getinfo(1, "n"); return tostring(i.name) .. "/" .. i.namewhat end})
P(tostring(ts))
P(string.format("%s", ts))
-- name in pcall
P(pcall(function() local i = debug.getinfo(1, "n"); return tostring(i.name) .. "/" .. i.namewhat end))
-- global in table field call
local obj = {a = {b = {}}}
function obj.a.b.c() local i = debug.getinfo(1, "n"); return i.name .. "/" .. i.namewhat end
P(obj.a.b.c())
local s = "x"
P(string.rep(s, 2), s:rep(2))
-- getinfo with 'r' transfer outside hook
P(dump(debug.getinfo(1, "r")))
P(dump(debug.getinfo(1, "t")))
local function tc() return debug.getinfo(1, "t").istailcall end
local function tcc() return tc() end
P(tcc())
-- activelines
local function al(x)
  if x then
    return 1
  end
  local y = 2

  return y
end
local lines = {} for k in pairs(debug.getinfo(al, "L").activelines) do lines[#lines+1] = k end table.sort(lines) P(table.concat(lines, ","))
local vf = function(...) local a = ... 
  return a end
lines = {} for k in pairs(debug.getinfo(vf, "L").activelines) do lines[#lines+1] = k end table.sort(lines) P(table.concat(lines, ","))
lines = {} for k in pairs(debug.getinfo(1, "L").activelines) do lines[#lines+1] = k end P(#lines)
P(debug.getinfo(print, "L").activelines)
-- main chunk info
P(dump(debug.getinfo(load("return debug.getinfo(1)"))))
P(dump(load("return debug.getinfo(1)")()))
P(dump(load("return debug.getinfo(1)", "=name")()))
P(dump(load("return debug.getinfo(1)", "@file.lua")()))
P(dump(load("\n\nreturn debug.getinfo(1, 'S')", "a long string chunk name that goes on and on and on beyond sixty characters and more")()))
P(dump(load("return debug.getinfo(1, 'S')", "multi\nline")()))

local ev
local function rec(e, l) local i = debug.getinfo(2, "nS"); ev[#ev+1] = e .. ":" .. tostring(l or i.name or "?") end
local function run(name, f, mask, count) ev = {} debug.sethook(rec, mask, count) f() debug.sethook() P(name, table.concat(ev, " ")) end
local function g(x) return x + 1 end
local function tc(x) return g(x) end
run("call/ret", function() g(1) end, "cr")
run("tail", function() tc(1) end, "cr")
run("pcall", function() pcall(g, 1) end, "cr")
run("meta", function() local t = setmetatable({}, {__index = function() return 1 end}); local _ = t.x end, "cr")
run("lines", function()
  local a = 1
  local b = 2
  if a then
    b = 3
  else
    b = 4
  end
  for i = 1, 2 do
    a = a + i
  end
  while a > 0 do a = a - 3 end
  repeat
    a = a + 1
  until a > 2
  local t = {
    1,
    2,
  }
  local s = "a" ..
    "b"
end, "l")
-- gethook
local h, m, c = debug.gethook(); P("gethook none", h, m, c)
debug.sethook(rec, "crl", 3); h, m, c = debug.gethook(); debug.sethook(); P("gethook", h == rec, m, c)
-- hook per coroutine
local co = coroutine.create(function() local x = 1; coroutine.yield(); x = 2 end)
debug.sethook(co, function(e, l) P("co hook", e, l) end, "l")
coroutine.resume(co); P("between"); coroutine.resume(co)
-- hook inside hook
ev = {}
debug.sethook(function(e) debug.sethook(function(e2) ev[#ev+1] = "inner " .. e2 end, "c"); ev[#ev+1] = "outer " .. e end, "c")
local function f2() end
f2(); f2()
debug.sethook()
P(table.concat(ev, ", "))
-- getlocal in hook
local ZL = debug.getinfo(1, "l").currentline + 3
debug.sethook(function(e, l) if l == ZL then for i = 1, 200 do local n, v = debug.getlocal(2, i); if n == "zz" then P("local at zz + 1", n, v) end end end end, "l")
local zz = 42
zz = zz + 1
debug.sethook()
-- getlocal varargs
local function va(...) return debug.getlocal(1, -1), debug.getlocal(1, -2), debug.getlocal(1, -3) end
P(va(10, 20))
local function va2(...) local n, v = debug.getlocal(1, -2); debug.setlocal(1, -1, "changed"); return ... end
P(va2("a", "b"))
P(debug.getlocal(print, 1), debug.getlocal(g, 1), debug.getlocal(g, 2), debug.getlocal(va, 1))
P(pcall(debug.getlocal, 50, 1))
P(pcall(debug.setlocal, 50, 1, 1))
-- getupvalue / setupvalue
local u1, u2 = 1, 2
local function uf() return u1 + u2 end
P(debug.getupvalue(uf, 1), debug.getupvalue(uf, 2), debug.getupvalue(uf, 3))
P(debug.setupvalue(uf, 1, 10), uf())
P(debug.getupvalue(string.gmatch("a", "a"), 1))
P(debug.getupvalue(print, 1))
local function uf2() return u1 end
P(debug.upvalueid(uf, 1) == debug.upvalueid(uf2, 1), debug.upvalueid(uf, 2) == debug.upvalueid(uf2, 1))
debug.upvaluejoin(uf, 2, uf2, 1); P(uf())
P(pcall(debug.upvalueid, uf, 5))
P(pcall(debug.upvaluejoin, uf, 5, uf2, 1))
P(pcall(debug.upvaluejoin, print, 1, uf2, 1))
P(pcall(debug.upvalueid, print, 1))
-- uservalue
P(debug.getuservalue(1), debug.getuservalue(io.stdout), debug.getuservalue(io.stdout, 2))
P(pcall(debug.setuservalue, {}, 1))
P(pcall(debug.setuservalue, io.stdout, 1))
-- registry
P(type(debug.getregistry()))
-- setmetatable on basic types
debug.setmetatable(10, {__index = {double = function(n) return n * 2 end}})
P((5):double()); debug.setmetatable(10, nil)
debug.setmetatable(nil, {__index = function() return "nilidx" end}); P((nil).x); debug.setmetatable(nil, nil)
local f1 = function() end
debug.setmetatable(f1, {__index = {kind = "fn"}}); P(print.kind); debug.setmetatable(f1, nil)
debug.setmetatable(true, {__tostring = function(b) return "B" end}); P(tostring(false)); debug.setmetatable(true, nil)
P(debug.setmetatable(1, nil))
P(pcall(debug.setmetatable, 1, 1))
P(debug.setcstacklimit and debug.setcstacklimit(100))
P(debug.setcstacklimit and debug.setcstacklimit(0))
-- traceback forms
P(debug.traceback("m", 1):gsub("\n.*", ""))
P(debug.traceback(nil))
P(debug.traceback(12))
P(debug.traceback({}) ~= nil)
local function lvl3() return debug.traceback("x", 2) end
P(lvl3())
P(debug.traceback("x", 50))
