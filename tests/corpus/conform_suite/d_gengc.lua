-- conform_suite (part D): collectgarbage modes and parameters, finalizers and weak tables in generational mode, steps, written from the reference manual; lua5.4's output is the expectation
local function P(...) print(...) end
P(collectgarbage("generational"))
P(collectgarbage("incremental"))
P(collectgarbage("incremental"))
P(collectgarbage("generational", 20, 100))
P(collectgarbage("generational"))
P(collectgarbage("incremental", 200, 100, 13))
P(collectgarbage("incremental", 0, 0, 0))
P(collectgarbage("incremental"))
P(collectgarbage("setpause", 150))
P(collectgarbage("setpause"))
P(collectgarbage("setstepmul", 300))
P(collectgarbage("setstepmul"))
P(collectgarbage("isrunning"))
collectgarbage("stop"); P(collectgarbage("isrunning")); collectgarbage("restart"); P(collectgarbage("isrunning"))
P(pcall(collectgarbage, "bogus"))
P(collectgarbage("collect"), collectgarbage())
P(type(collectgarbage("count")), math.type(collectgarbage("count")))
P(select('#', collectgarbage("count")))
-- finalizers and weak tables in generational mode
collectgarbage("generational")
local log = {}
for i = 1, 5 do setmetatable({}, {__gc = function() log[#log+1] = i end}) end
collectgarbage()
table.sort(log) P("gen finalizers", table.concat(log, ","))
local wk = setmetatable({}, {__mode = "k"})
local keep = {}
wk[keep] = 1; wk[{}] = 2
collectgarbage()
local n = 0 for _ in pairs(wk) do n = n + 1 end P("gen weak", n)
-- young objects surviving
local old = {}
for i = 1, 100 do old[i] = {i} end
collectgarbage("step", 0); collectgarbage("step", 0)
local s = 0 for i = 1, 100 do s = s + old[i][1] end P("survive", s)
-- old table pointing to new object
local holder = {}
collectgarbage(); collectgarbage()
holder.x = {val = 7}
collectgarbage("step")
P("old->young", holder.x.val)
collectgarbage("incremental")
-- step until cycle done
collectgarbage()
local steps = 0
repeat steps = steps + 1 until collectgarbage("step", 0) or steps > 100000
P("step loop ends", steps <= 100000)
P(collectgarbage("step", 1000000))
-- finalizer resurrection and order
log = {}
do
  local a = setmetatable({name = "a"}, {__gc = function(o) log[#log+1] = o.name end})
  local b = setmetatable({name = "b"}, {__gc = function(o) log[#log+1] = o.name end})
end
collectgarbage()
P("order", table.concat(log, ","))
-- collectgarbage inside finalizer
local inner
setmetatable({}, {__gc = function() inner = collectgarbage("count") > 0 end})
collectgarbage()
P("inner", inner)
-- __gc field set after setmetatable is not a finalizer
local mt = {}
local flag = false
setmetatable({}, mt); mt.__gc = function() flag = true end
collectgarbage(); collectgarbage()
P("late gc field", flag)
-- error in finalizer: warning, not an error
setmetatable({}, {__gc = function() error("in gc") end})
P(pcall(collectgarbage))
-- ephemeron
local eph = setmetatable({}, {__mode = "k"})
do local k = {}; eph[k] = {ref = k} end
collectgarbage(); collectgarbage()
n = 0 for _ in pairs(eph) do n = n + 1 end P("ephemeron", n)
-- strings are not weak
local ws = setmetatable({}, {__mode = "v"})
ws[1] = "a string" .. math.random(1) ; ws[2] = 1.5
collectgarbage()
P("weak strings", ws[1] ~= nil, ws[2])
