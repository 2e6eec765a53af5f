local function P(...) print(...) end
local function dosteps(siz)
  collectgarbage()
  local a = {}
  for i = 1, 100 do a[i] = {{}}; local b = {} end
  local x = collectgarbage("count")
  local i = 0
  repeat i = i + 1 until collectgarbage("step", siz)
  P("steps", siz, x, collectgarbage("count") < x, i)
  return i
end
-- (the collector running: a stopped one never completes a cycle by steps in 5.4.4)
dosteps(0); dosteps(10); dosteps(6); dosteps(10000)


P(collectgarbage("step", 1000000))
-- gcinfo-like
P(math.type(collectgarbage("count")), collectgarbage("count") > 0)
-- loop until weak cleared without explicit collect
local a = setmetatable({}, {__mode = "k"})
for i = 1, 10 do a[{}] = i end
local cnt = 0
repeat cnt = cnt + 1; local x = {} until next(a) == nil or cnt > 1e7
P("weak cleared", next(a) == nil)
-- repeat until finalizer (allocating strings)
local fin = false
setmetatable({}, {__gc = function() fin = true end})
cnt = 0
repeat cnt = cnt + 1; local s = "x" .. cnt until fin or cnt > 1e7
P("fin by strings", fin)
-- closures
fin = false
setmetatable({}, {__gc = function() fin = true end})
cnt = 0
repeat cnt = cnt + 1; local f = function() return cnt end until fin or cnt > 1e7
P("fin by closures", fin)
-- coroutines
fin = false
setmetatable({}, {__gc = function() fin = true end})
cnt = 0
repeat cnt = cnt + 1; local co = coroutine.create(print) until fin or cnt > 1e7
P("fin by coroutines", fin)
-- stopped collector: no finalizer runs
collectgarbage("stop")
fin = false
setmetatable({}, {__gc = function() fin = true end})
for i = 1, 1e5 do local t = {} end
P("stopped", fin, collectgarbage("isrunning"))
collectgarbage("restart")
collectgarbage()
P("after restart", fin)
-- memory goes down after dropping big structure
collectgarbage()
local before = collectgarbage("count")
do local big = {} for i = 1, 2e5 do big[i] = {i} end end
collectgarbage()
P("released", collectgarbage("count") < before + 100)
-- string memory counted
local b2 = collectgarbage("count")
local s = string.rep("x", 1e6)
P("string counted", collectgarbage("count") > b2 + 900)
s = nil; collectgarbage()
P("string freed", collectgarbage("count") < b2 + 100)
-- generational mode switch round trip
P(collectgarbage("generational"), collectgarbage("incremental"))
-- weak values with keys collected in generational mode
collectgarbage("generational")
local wv = setmetatable({}, {__mode = "v"})
for i = 1, 100 do wv[i] = {} end
collectgarbage()
P("gen weak", next(wv))
collectgarbage("incremental")
-- finalizer called with the object; order reverse of marking
local seen = {}
for i = 1, 3 do setmetatable({id = i}, {__gc = function(o) seen[#seen + 1] = o.id end}) end
collectgarbage()
P(table.concat(seen, ","))
-- object with __gc in a weak table: values removed before finalizer, keys after
local wk = setmetatable({}, {__mode = "k"})
local wvv = setmetatable({}, {__mode = "v"})
do local o = setmetatable({}, {__gc = function(o) P("fin sees wk", wk[o] ~= nil, "wv", wvv[1] ~= nil) end}); wk[o] = 1; wvv[1] = o end
collectgarbage()
P("after", next(wk), wvv[1])
collectgarbage()
P("after2", next(wk))
