local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); P(name, table.unpack(r, 1, r.n)) end
local co = coroutine.create(function(a, b) local c = coroutine.yield(a + b); local d, e = coroutine.yield(c * 2); return d + e end)
P(coroutine.resume(co, 1, 2)); P(coroutine.status(co)); P(coroutine.resume(co, 10)); P(coroutine.resume(co, 3, 4)); P(coroutine.status(co)); P(coroutine.resume(co))
P(coroutine.isyieldable(), coroutine.running())
co = coroutine.create(function() P(coroutine.isyieldable(), coroutine.running() == co, select(2, coroutine.running())) end); coroutine.resume(co)
T("resume dead", coroutine.resume, co)
T("resume self", function() local c; c = coroutine.create(function() return coroutine.resume(c) end) return coroutine.resume(c) end)
T("resume normal", function() local c1, c2; c1 = coroutine.create(function() return coroutine.resume(c2) end); c2 = coroutine.create(function() return coroutine.resume(c1) end) return coroutine.resume(c1) end)
-- wrap
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
P(gen(), gen(), gen(), gen())
T("wrap dead", gen)
T("wrap error", coroutine.wrap(function() error("oops") end))
T("wrap error lvl", coroutine.wrap(function() error("oops", 2) end))
T("wrap error tbl", function() local ok, e = pcall(coroutine.wrap(function() error({x=1}) end)) return ok, type(e), e.x end)
-- close
co = coroutine.create(function() coroutine.yield() end); coroutine.resume(co)
P(coroutine.close(co), coroutine.status(co))
co = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() P("closed x") end}); coroutine.yield() end); coroutine.resume(co)
P(coroutine.close(co), coroutine.status(co))
co = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() error("cerr") end}); coroutine.yield() end); coroutine.resume(co)
P(coroutine.close(co))
co = coroutine.create(function() error("boom") end); P(coroutine.resume(co)); P(coroutine.close(co))
T("close running", coroutine.close, coroutine.running())
T("close normal", function() local c1 = coroutine.running(); local c2 = coroutine.wrap(function() return coroutine.close(c1) end) return c2() end)
P(coroutine.close(coroutine.create(print)))
-- yield across pcall
co = coroutine.create(function() local ok, v = pcall(function() local x = coroutine.yield(1); error(x) end); coroutine.yield(ok, v); return "end" end)
P(coroutine.resume(co)); P(coroutine.resume(co, "E")); P(coroutine.resume(co))
-- yield in metamethods
local mt = {__add = function(a, b) return coroutine.yield("add") end, __index = function(t, k) return coroutine.yield("idx") end, __lt = function() return coroutine.yield("lt") end, __concat = function() return coroutine.yield("cc") end, __eq = function() return coroutine.yield("eq") end}
co = coroutine.wrap(function() local t = setmetatable({}, mt); local t2 = setmetatable({}, mt); local a = t + 1; local b = t.x; local c = t < t2; local d = t .. "x"; local e = t == t2; return a, b, c, d, e end)
P(co()); P(co(1)); P(co(2)); P(co(false)); P(co(4)); P(co(nil))
-- yield in for iterator
co = coroutine.wrap(function() for k in function(s, c) if (c or 0) < 3 then return coroutine.yield(c) end end do end return "done" end)
P(co()); P(co(1)); P(co(2)); P(co(nil)); P(pcall(co, nil))
-- yield from main
T("yield main", coroutine.yield, 1)
-- status values
co = coroutine.create(function() P("inside", coroutine.status(co)); local c2 = coroutine.create(function() P("outer from inner", coroutine.status(co)) end); coroutine.resume(c2) end)
coroutine.resume(co)
T("status bad", coroutine.status, 1)
T("create bad", coroutine.create, 1)
T("wrap bad", coroutine.wrap, {})
-- many coroutines
local cnt = 0
for i = 1, 10000 do local c = coroutine.wrap(function(x) cnt = cnt + coroutine.yield(x) end); c(i); c(1) end
P("many", cnt)
-- deep coroutine chain
local function chain(n) if n == 0 then return coroutine.yield("bottom") end return coroutine.wrap(function() return chain(n - 1) end)() end
T("chain 100", function() return coroutine.wrap(function() return chain(100) end)() end)
-- yield across C boundary (table.sort)
co = coroutine.create(function() table.sort({1, 2, 3}, function(a, b) coroutine.yield() return a < b end) end)
local r = {coroutine.resume(co)} P("sort yield", r[1], r[2])
co = coroutine.create(function() return load(function() coroutine.yield() end) end)
r = {coroutine.resume(co)} P("load yield", r[1], r[2])
-- traceback of coroutine with error
co = coroutine.create(function() local x = nil; x() end)
P(coroutine.resume(co)); P(debug.traceback(co))
-- coroutine.running in main
local m, ismain = coroutine.running(); P(type(m), ismain)
-- wrap passing many values
co = coroutine.wrap(function(...) return select('#', ...), ... end); P(co(1, nil, 3, nil))
-- resume passing values through yields
co = coroutine.create(function(...) local t = {...}; while true do t = {coroutine.yield(#t, table.unpack(t))} if #t == 0 then break end end return "fin" end)
P(coroutine.resume(co, 1, 2)); P(coroutine.resume(co, "a")); P(coroutine.resume(co))
-- gc of suspended coroutines with close
-- isyieldable in various
P(coroutine.isyieldable(coroutine.running()))
co = coroutine.create(function() return coroutine.isyieldable() end); P(coroutine.resume(co))
P(pcall(coroutine.isyieldable, co))
