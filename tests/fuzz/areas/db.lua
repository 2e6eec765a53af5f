local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); P(name, table.unpack(r, 1, r.n)) end
local function keys(t) local k = {} for n in pairs(t) do k[#k+1] = n end table.sort(k) return table.concat(k, " ") end
local function f(a, b, ...)
  local x = 1
  return debug.getinfo(1)
end
local i = f(1, 2)
P(keys(i))
P(i.short_src, i.source, i.what, i.currentline, i.linedefined, i.lastlinedefined, i.nups, i.nparams, i.isvararg, i.name, i.namewhat, i.istailcall, i.func == f)
for _, opt in ipairs{"S", "l", "u", "n", "t", "r", "f", "L", "", ">", "Sl"} do
  local ok, r = pcall(debug.getinfo, 1, opt)
  P(opt, ok, type(r) == "table" and keys(r) or r)
end
T("bad opt", debug.getinfo, 1, "X")
T("bad opt >", debug.getinfo, 1, ">S")
T("bad level", debug.getinfo, 100)
P(debug.getinfo(100))
T("bad arg", debug.getinfo, "x")
local li = debug.getinfo(f, "L").activelines
local ls = {} for k, v in pairs(li) do ls[#ls+1] = k .. "=" .. tostring(v) end table.sort(ls) P(table.concat(ls, " "))
P(debug.getinfo(print, "S").what, debug.getinfo(print, "S").short_src, debug.getinfo(print, "S").source, debug.getinfo(print, "l").currentline, debug.getinfo(print, "S").linedefined)
P(debug.getinfo(print, "L").activelines)
P(debug.getinfo(print, "u").nparams, debug.getinfo(print, "u").isvararg, debug.getinfo(print, "u").nups)
local main = debug.getinfo(1, "S"); P(main.what, main.linedefined, main.lastlinedefined)
local function g() return debug.getinfo(1, "n") end
local n = g(); P(n.name, n.namewhat)
local tt = {m = function() return debug.getinfo(1, "n") end}
n = tt.m(); P(n.name, n.namewhat)
n = tt:m(); P(n.name, n.namewhat)
GLOB = function() return debug.getinfo(1, "n") end
n = GLOB(); P(n.name, n.namewhat)
local mt = setmetatable({}, {__index = function(t, k) return debug.getinfo(1, "n") end, __add = function() return debug.getinfo(1, "n") end})
n = mt.x; P(n.name, n.namewhat)
n = mt + 1; P(n.name, n.namewhat)
local function tc() return debug.getinfo(1, "t") end
local function caller() return tc() end
P(caller().istailcall)
-- transfer
local function tr(...) local t = debug.getinfo(1, "r"); return t.ftransfer, t.ntransfer end
P(tr(1, 2, 3))
debug.sethook(function(ev) local t = debug.getinfo(2, "r"); if ev == "call" or ev == "return" then io.write(ev, ":", t.ftransfer, ":", t.ntransfer, " ") end end, "cr")
local function three(a, b, c) return a, b end
three(10, 20, 30)
debug.sethook()
print()
-- getlocal
local function gl(a, b, ...)
  local c = 3
  local r = {}
  for i = 1, 10 do local n, v = debug.getlocal(1, i); if not n then break end r[#r+1] = n .. "=" .. tostring(v) end
  for i = -1, -5, -1 do local n, v = debug.getlocal(1, i); if not n then break end r[#r+1] = n .. "=" .. tostring(v) end
  return table.concat(r, " ")
end
P(gl(1, 2, "v1", "v2"))
P(debug.getlocal(gl, 1), debug.getlocal(gl, 2), debug.getlocal(gl, 3))
T("getlocal bad level", debug.getlocal, 100, 1)
T("setlocal", function() local a = 1; debug.setlocal(1, 1, 5); return a end)
P(debug.setlocal(1, 1000, 1))
-- upvalues
local up1, up2 = 1, 2
local function u() return up1 + up2 end
P(debug.getupvalue(u, 1), debug.getupvalue(u, 2), debug.getupvalue(u, 3))
P(debug.setupvalue(u, 1, 10), u())
P(debug.getupvalue(print, 1), debug.getupvalue(string.gmatch("a", "a"), 1))
P(type(debug.upvalueid(u, 1)))
T("upvalueid bad", debug.upvalueid, u, 5)
local function u2() return up1 end
P(debug.upvalueid(u, 1) == debug.upvalueid(u2, 1))
debug.upvaluejoin(u, 2, u2, 1); P(u())
T("upvaluejoin bad", debug.upvaluejoin, u, 5, u2, 1)
-- traceback
P(debug.traceback("msg", 1))
P((debug.traceback()))
P(debug.traceback(42))
P(debug.traceback(nil))
P(debug.traceback({}) ~= nil)
local co = coroutine.create(function() coroutine.yield() end); coroutine.resume(co)
P(debug.traceback(co))
P(debug.traceback(co, "m"))
P(debug.traceback(co, "m", 1))
P(debug.traceback("x", 50))
local function deep(n) if n == 0 then return debug.traceback("d") end return (deep(n-1)) end
local tb = deep(40); local cnt = 0; for _ in tb:gmatch("\n") do cnt = cnt + 1 end P("deep tb lines", cnt, tb:find("%.%.%.") ~= nil)
P(tb:match("%.%.%.[^\n]*"))
-- hooks
local evs = {}
debug.sethook(function(e, l) evs[#evs+1] = e .. (l and (":" .. l) or "") end, "l")
local a = 1
a = a + 1
debug.sethook()
P(table.concat(evs, " "))
P(debug.gethook())
local hf = function() end
debug.sethook(hf, "crl", 5); P(debug.gethook()) ; debug.sethook()
local cnt2 = 0
debug.sethook(function(e) cnt2 = cnt2 + 1 end, "", 1)
for i = 1, 100 do end
debug.sethook()
P("count hook fired", cnt2 > 50)
evs = {}
debug.sethook(function(e) local inf = debug.getinfo(2, "n"); evs[#evs+1] = e .. ":" .. tostring(inf.name) end, "cr")
local function hh() return 1 end
hh()
debug.sethook()
P(table.concat(evs, " "))
-- tail call event
evs = {}
local function tail2() return 1 end
local function tail1() return tail2() end
debug.sethook(function(e) evs[#evs+1] = e end, "cr")
tail1()
debug.sethook()
P(table.concat(evs, " "))
-- metatables / uservalue / registry
P(type(debug.getregistry()), debug.getmetatable("x").__index == string)
P(debug.setmetatable(10, nil), debug.getmetatable(10))
P(debug.getuservalue(1), debug.setuservalue and "has setuservalue")
P(debug.setcstacklimit and debug.setcstacklimit(100))
P(debug.getinfo(1, "f").func ~= nil)
-- getinfo on coroutine
co = coroutine.create(function(x) local y = 5; coroutine.yield(); end)
coroutine.resume(co, 1)
local ci = debug.getinfo(co, 1, "Sl"); P(ci and ci.currentline, ci and ci.what)
P(debug.getlocal(co, 1, 1), debug.getlocal(co, 1, 2))
P(debug.getinfo(co, 0, "n") and debug.getinfo(co, 0, "n").name)
T("getinfo co bad", debug.getinfo, co, 5)
P(debug.gethook(co))
