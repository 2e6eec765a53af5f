-- conform_suite (part D): the coroutine library: close, wrap errors, yields across pcall and __close, tracebacks, written from the reference manual; lua5.4's output is the expectation
local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); local o = {} for i = 1, r.n do o[#o+1] = tostring(r[i]) end P(name, table.concat(o, " | ")) end
-- close with pending close erroring
local co = coroutine.create(function()
  local a <close> = setmetatable({}, {__close = function(o, e) P("close a", e) end})
  local b <close> = setmetatable({}, {__close = function(o, e) P("close b", e); error("berr") end})
  local c <close> = setmetatable({}, {__close = function(o, e) P("close c", e); error("cerr") end})
  coroutine.yield(1)
end)
P(coroutine.resume(co))
T("close1", coroutine.close, co)
P(coroutine.status(co))
T("close again", coroutine.close, co)
-- close on error coroutine with table error
co = coroutine.create(function() error({}) end)
P(select('#', coroutine.resume(co)))
local ok, e = coroutine.close(co); P(ok, type(e))
T("close again2", coroutine.close, co)
-- close a non-started coroutine
co = coroutine.create(function() P("never") end)
T("close fresh", coroutine.close, co); P(coroutine.status(co))
T("resume closed", coroutine.resume, co)
-- close running
T("close main", coroutine.close, coroutine.running())
co = coroutine.create(function() return coroutine.close(coroutine.running()) end)
T("close self", coroutine.resume, co)
co = coroutine.create(function() local c2 = coroutine.create(function(o) return coroutine.close(o) end); return coroutine.resume(c2, co) end)
T("close normal", coroutine.resume, co)
T("close bad", coroutine.close, 1)
T("close nil", coroutine.close)
-- wrap error positions
local w = coroutine.wrap(function() error("x") end)
T("wrap err", w)
w = coroutine.wrap(function() error("x", 2) end)
T("wrap err2", w)
w = coroutine.wrap(function() local t = nil; return t.x end)
T("wrap idx", w)
w = coroutine.wrap(function() error(42) end)
T("wrap num", w)
w = coroutine.wrap(function() error(nil) end)
T("wrap nil", w)
w = coroutine.wrap(function() error(setmetatable({}, {__tostring = function() return "TS" end})) end)
T("wrap tbl", w)
-- wrap dead after error
T("wrap dead after err", w)
-- wrap closes tbc on error
w = coroutine.wrap(function() local x <close> = setmetatable({}, {__close = function(o, e) P("wrap closing", e) end}); error("werr") end)
T("wrap tbc", w)
-- wrap close error replaced
w = coroutine.wrap(function() local x <close> = setmetatable({}, {__close = function(o, e) error("in close") end}); error("werr") end)
T("wrap tbc2", w)
-- resume args counts
co = coroutine.create(function(...) P("args", select('#', ...)); local r = table.pack(coroutine.yield()); P("yr", r.n, r[1], r[3]); return end)
coroutine.resume(co, nil, nil, nil); coroutine.resume(co, 1, nil, 3, nil)
-- many values
co = coroutine.create(function(...) return ... end)
local t = {} for i = 1, 250 do t[i] = i end
local r = table.pack(coroutine.resume(co, table.unpack(t))); P("many", r.n, r[251])
co = coroutine.wrap(function() coroutine.yield(table.unpack(t)) end)
P("manyy", select('#', co()))
-- yield in pcall return values
co = coroutine.create(function() return pcall(coroutine.yield, "y1", "y2") end)
P(coroutine.resume(co)); P(coroutine.resume(co, "a", "b"))
co = coroutine.create(function() return xpcall(coroutine.yield, function(m) return "H:" .. tostring(m) end, "y1") end)
P(coroutine.resume(co)); P(coroutine.resume(co, "a", "b"))
-- error after yield inside xpcall
co = coroutine.create(function() return xpcall(function() coroutine.yield(); error("late") end, function(m) return "H:" .. m end) end)
P(coroutine.resume(co)); P(coroutine.resume(co))
-- yield in __close
co = coroutine.create(function()
  do local x <close> = setmetatable({}, {__close = function() P("before y"); coroutine.yield("in close"); P("after y") end}) end
  return "done"
end)
P(coroutine.resume(co)); P(coroutine.resume(co)); P(coroutine.status(co))
-- yield in __close during error
co = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function(o, e) coroutine.yield("closing " .. tostring(e)) end})
  error("E", 0)
end)
P(coroutine.resume(co)); P(coroutine.resume(co)); P(coroutine.status(co))
-- yield in __close under pcall
co = coroutine.create(function()
  local ok, e = pcall(function()
    local x <close> = setmetatable({}, {__close = function(o, e) coroutine.yield("c " .. tostring(e)) end})
    error("E2", 0)
  end)
  return ok, e
end)
P(coroutine.resume(co)); P(coroutine.resume(co))
-- coroutine.close with yield in __close
co = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function(o, e) coroutine.yield("no") end})
  coroutine.yield(1)
end)
coroutine.resume(co)
T("close yielding", coroutine.close, co)
-- status inside
local main = coroutine.running()
co = coroutine.create(function() P("main status", coroutine.status(main)); local c2; c2 = coroutine.create(function() P("co from c2", coroutine.status(co), coroutine.status(c2)) ; coroutine.yield() end); coroutine.resume(c2); P("c2", coroutine.status(c2)) end)
coroutine.resume(co)
-- isyieldable args
T("isy bad", coroutine.isyieldable, 1)
P(coroutine.isyieldable(main))
co = coroutine.create(function() coroutine.yield() end)
P(coroutine.isyieldable(co))
-- running in wrap
w = coroutine.wrap(function() local c, m = coroutine.running(); return type(c), m end)
P(w())
-- generators
local function gen(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local s = 0; for i in gen(10) do s = s + i end; P("gen sum", s)
-- permutations generator
local function permgen(a, n) n = n or #a; if n <= 1 then coroutine.yield(a) else for i = 1, n do a[n], a[i] = a[i], a[n]; permgen(a, n - 1); a[n], a[i] = a[i], a[n] end end end
local cnt = 0 for p in coroutine.wrap(function() permgen({1,2,3,4}) end) do cnt = cnt + 1 end P("perms", cnt)
-- traceback of coroutine
co = coroutine.create(function() local function inner() coroutine.yield() end inner() end)
coroutine.resume(co)
P(debug.traceback(co))
P(debug.traceback(co, "msg"))
P(debug.traceback(co, "msg", 1))
P(debug.traceback(co, nil, 0))
co = coroutine.create(function() local function bad() error("tb") end bad() end)
P(coroutine.resume(co))
P(debug.traceback(co))
P(debug.traceback(co, 12))
P(type(debug.traceback(co, {})))
P(debug.traceback(coroutine.create(print)))
co = coroutine.create(function() end); coroutine.resume(co)
P(debug.traceback(co))
