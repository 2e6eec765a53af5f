local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); P(name, table.unpack(r, 1, r.n)) end
P(collectgarbage("isrunning"))
P(collectgarbage("incremental"))
P(collectgarbage("generational"))
P(collectgarbage("generational"))
P(collectgarbage("incremental"))
P(collectgarbage("incremental", 100, 200, 10))
P(collectgarbage("incremental", 0, 0, 0))
P(collectgarbage("generational", 20, 100))
P(collectgarbage("incremental"))
P(collectgarbage("setpause", 100))
P(collectgarbage("setpause", 200))
P(collectgarbage("setstepmul", 100))
P(collectgarbage("setstepmul", 100))
P(collectgarbage("stop"), collectgarbage("isrunning"))
P(collectgarbage("restart"), collectgarbage("isrunning"))
P(collectgarbage(), collectgarbage("collect"))
P(type(collectgarbage("count")), math.type(collectgarbage("count")))
P(collectgarbage("step"))
P(collectgarbage("step", 0))
T("bad opt", collectgarbage, "bogus")
-- weak tables
local wk = setmetatable({}, {__mode = "k"})
local wv = setmetatable({}, {__mode = "v"})
local kv = setmetatable({}, {__mode = "kv"})
do local k = {} wk[k] = 1; wv[1] = {}; wv[2] = "str"; wv[3] = 10; kv[{}] = {}; kv[1] = {} end
wk[1] = {}
collectgarbage()
local n = 0 for _ in pairs(wk) do n = n + 1 end P("wk", n)
P("wv", wv[1], wv[2], wv[3])
n = 0 for _ in pairs(kv) do n = n + 1 end P("kv", n)
-- ephemeron
local e = setmetatable({}, {__mode = "k"})
do local k1 = {}; e[k1] = {ref = k1} end
collectgarbage(); n = 0 for _ in pairs(e) do n = n + 1 end P("ephemeron", n)
-- finalizers order
local order = {}
for i = 1, 5 do setmetatable({}, {__gc = function() order[#order + 1] = i end}) end
collectgarbage()
P("gc order", table.concat(order, ","))
-- resurrection
local saved
do setmetatable({name = "res"}, {__gc = function(o) saved = o end}) end
collectgarbage(); P("resurrected", saved and saved.name)
saved = nil; collectgarbage()
-- __gc set after setmetatable does not count
local fired = false
do local mt = {}; setmetatable({}, mt); mt.__gc = function() fired = true end end
collectgarbage(); P("late __gc", fired)
-- __gc field non-function
do setmetatable({}, {__gc = 42}) end
T("gc non fn", collectgarbage)
-- error in __gc produces a warning, not an error
do setmetatable({}, {__gc = function() error("in gc") end}) end
T("gc error", collectgarbage)
-- automatic collection: a loop waiting on a weak table
local w = setmetatable({}, {__mode = "k"})
w[{}] = true
local iters = 0
while next(w) do iters = iters + 1; local t = {} ; for j = 1, 10 do t[j] = {} end if iters > 1e7 then break end end
P("auto collect", next(w) == nil)
-- finalizer runs automatically
local done = false
do setmetatable({}, {__gc = function() done = true end}) end
iters = 0
while not done and iters < 1e7 do iters = iters + 1; local t = {1, 2, 3} end
P("auto gc", done)
-- count rises and falls
collectgarbage()
local c0 = collectgarbage("count")
local big = {} for i = 1, 1e5 do big[i] = {} end
local c1 = collectgarbage("count")
big = nil; collectgarbage()
local c2 = collectgarbage("count")
P("count", c1 > c0 + 1000, c2 < c1 - 1000)
-- step returns true eventually
local steps = 0
repeat steps = steps + 1 until collectgarbage("step", 10) or steps > 1e6
P("step completes", steps <= 1e6)
-- collect inside finalizer
local inner
do setmetatable({}, {__gc = function() inner = table.pack(collectgarbage()) end}) end
collectgarbage(); P("inner collect", inner and inner.n, inner and inner[1])
-- strings are not weak-collected; weak value with string keys kept
local ws = setmetatable({}, {__mode = "v"}); ws.a = "x" .. "y"; collectgarbage(); P(ws.a)
-- closures in weak tables
local wf = setmetatable({}, {__mode = "v"}); wf[1] = function() end; local keep = function() return iters end; wf[2] = keep; collectgarbage(); P("wf", wf[1], wf[2] == keep)
-- os.exit with close?
-- __gc on close state at exit
setmetatable({}, {__gc = function() print("finalized at exit") end})
local x = setmetatable({}, {__gc = function() print("x finalized at exit") end})
P("generational mode work")
collectgarbage("generational")
for i = 1, 1e5 do local t = {i} end
collectgarbage("incremental")
P("end")
