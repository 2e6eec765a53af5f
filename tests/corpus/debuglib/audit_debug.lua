-- Audit of the library against lua5.4: each line below is an expression (or a
-- statement); the case prints what pcall gives for it, so results and error
-- messages are compared with the reference line by line.

local function show(v)
  local t = type(v)
  if t == "table" or t == "function" or t == "userdata" or t == "thread" then return t end
  if t == "string" then return string.format("%q", v) end
  return tostring(v)
end
local probes = [==[
debug.traceback()
debug.traceback("msg")
debug.traceback("msg", 2)
debug.traceback({})
debug.traceback(nil)
debug.traceback(1)
debug.traceback("m", "x")
debug.traceback(coroutine.create(print))
debug.traceback(coroutine.create(print), "m")
debug.traceback(coroutine.create(print), "m", 1)
(function() local co = coroutine.create(function() coroutine.yield() end) coroutine.resume(co) return debug.traceback(co, "hi", 0) end)()
(function() local co = coroutine.create(function() local x = 1 coroutine.yield() end) coroutine.resume(co) return debug.getlocal(co, 1, 1) end)()
(function() local co = coroutine.create(function() coroutine.yield() end) coroutine.resume(co) return debug.getinfo(co, 1, "Sl").currentline end)()
debug.getinfo(1, ">")
debug.getinfo(1, "X")
debug.getinfo(100)
debug.getinfo(print).what
debug.getinfo(print, "S").short_src
(function() local i = debug.getinfo(1, "nSltuf") return i.name, i.namewhat, i.what, i.short_src, i.currentline, i.nups, i.nparams, i.isvararg, i.istailcall end)()
(function(a, b, ...) local x = 1 return debug.getlocal(1, 1), debug.getlocal(1, 2), debug.getlocal(1, 3), debug.getlocal(1, -1), debug.getlocal(1, -2) end)(10, 20, 30)
debug.getlocal(print, 1)
debug.getlocal(function(a, b) end, 2)
debug.getlocal(100, 1)
debug.getlocal(1)
(function() local x = 1 debug.setlocal(1, 1, 99) return x end)()
debug.setlocal(1, 100, 1)
debug.setlocal(100, 1, 1)
(function() local u = 5 local f = function() return u end return debug.getupvalue(f, 1), debug.getupvalue(f, 2), debug.getupvalue(f, 0) end)()
(function() local u = 5 local f = function() return u end debug.setupvalue(f, 1, 6) return f(), debug.setupvalue(f, 2, 1) end)()
debug.getupvalue(print, 1)
(function() local u = 5 local f = function() return u end local g = function() return u end return debug.upvalueid(f, 1) == debug.upvalueid(g, 1) end)()
(function() local f = function() return 1 end return debug.upvalueid(f, 1) end)()
debug.upvalueid(print, 1)
debug.upvalueid(function() end, 0)
(function() local a, b = 1, 2 local f = function() return a end local g = function() return b end debug.upvaluejoin(f, 1, g, 1) return f() end)()
debug.upvaluejoin(function() end, 1, function() end, 1)
debug.upvaluejoin(print, 1, print, 1)
debug.gethook()
(function() local n = 0 debug.sethook(function() n = n + 1 end, "", 1) for i = 1, 10 do end debug.sethook() return n > 0 end)()
(function() local ev = {} debug.sethook(function(e, l) ev[#ev+1] = e .. (l or "") end, "crl") local x = math.abs(1) debug.sethook() return table.concat(ev, " ") end)()
(function() debug.sethook(print, "c") local a, b, c = debug.gethook() debug.sethook() return a == print, b, c end)()
debug.sethook(1)
debug.getmetatable(1)
debug.getmetatable("").__index == string
(function() local t = {} debug.setmetatable(t, {__index = {a = 1}}) return t.a end)()
(function() debug.setmetatable(10, {__index = {b = 2}}) local r = (5).b debug.setmetatable(10, nil) return r end)()
debug.setmetatable({}, 1)
type(debug.getregistry())
debug.getuservalue(1)
debug.getuservalue(io.stdout)
debug.getuservalue(io.stdout, 2)
debug.setuservalue(1, 2)
debug.setuservalue(io.stdout, 2)
debug.setcstacklimit and debug.setcstacklimit(100)
(function() local t = {} local f = function() return debug.getinfo(1, "n") end local i = f() return i.name, i.namewhat end)()
(function() local t = {m = function() return debug.getinfo(1, "n") end} local i = t.m() local j = t:m() return i.name, i.namewhat, j.name, j.namewhat end)()
(function() local i = debug.getinfo(1, "L") local n = 0 for k in pairs(i.activelines) do n = n + 1 end return n end)()
debug.getinfo(1, "f").func ~= nil
]==]
for line in probes:gmatch("[^\n]+") do
  local f = load("return " .. line, "=probe") or load(line, "=probe")
  local r = table.pack(pcall(f))
  local out = {}
  for i = 1, r.n do out[#out + 1] = show(r[i]) end
  print(line, "=>", table.concat(out, ", "))
end

