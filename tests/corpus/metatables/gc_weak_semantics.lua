-- finalizers and weak tables: what survives a full collection and in which order
local log = {}
local function fin(name) return {__gc = function(o) log[#log + 1] = name .. (o.tag or "") end} end

-- a finalized object is resurrected for its finalizer: weak values to it are
-- cleared before the finalizer runs, weak keys only on a later cycle
local wk = setmetatable({}, {__mode = "k"})
local wv = setmetatable({}, {__mode = "v"})
do
  local a = setmetatable({}, {__gc = function(o) log[#log + 1] = "a:" .. tostring(wk[o]) .. ":" .. tostring(wv[1] == o) end})
  wk[a] = "val"; wv[1] = a
end
collectgarbage()
print(table.concat(log, " "), next(wk) ~= nil, next(wv))
collectgarbage()
print("keys after a second cycle", next(wk))

-- ephemerons: a value that refers to its own key does not keep the key alive
log = {}
local e = setmetatable({}, {__mode = "k"})
do local k = {} e[k] = {k} end
local kept = {}
e[kept] = {kept}
collectgarbage()
local n = 0
for _ in pairs(e) do n = n + 1 end
print("ephemeron entries", n, e[kept][1] == kept)

-- chains of ephemerons converge
local c1 = setmetatable({}, {__mode = "k"})
local c2 = setmetatable({}, {__mode = "k"})
local root = {}
do
  local mid, leaf = {}, {}
  c1[root] = mid
  c2[mid] = leaf
  c2[{}] = {}
end
collectgarbage()
n = 0
for _ in pairs(c2) do n = n + 1 end
print("chained", c1[root] ~= nil, n)

-- strings, numbers and booleans are never removed from weak tables; functions are
local w = setmetatable({}, {__mode = "kv"})
w[1] = "str"; w[2] = 2.5; w[3] = true; w[4] = function() end; w.f = print
collectgarbage()
print(w[1], w[2], w[3], w[4], w.f == print)

-- objects reachable from locals, upvalues, varargs and suspended coroutines are not finalized
log = {}
local function keeper(...)
  local t = setmetatable({tag = "local"}, fin("kept-"))
  collectgarbage()
  return t, ...
end
local up = setmetatable({tag = "upvalue"}, fin("kept-"))
local function useUp() return up end
keeper(setmetatable({tag = "vararg"}, fin("kept-")))
local co = coroutine.create(function()
  local mine = setmetatable({tag = "co-local"}, fin("kept-"))
  coroutine.yield()
  return mine
end)
coroutine.resume(co)
collectgarbage()
print("finalized while reachable:", #log)
useUp()

-- a coroutine.wrap function keeps its coroutine (and its locals) alive
local gen = coroutine.wrap(function()
  local x = setmetatable({tag = "wrap"}, fin("kept-"))
  coroutine.yield(1)
  coroutine.yield(x.tag)
end)
gen()
collectgarbage()
print("wrap kept", gen(), #log)

-- once unreachable they are finalized, newest registration first
co = nil
gen = nil
collectgarbage()
print(table.concat(log, " "))

-- a finalizer runs once, even if the object is resurrected and dropped again
log = {}
local saved
do setmetatable({tag = "once"}, {__gc = function(o) log[#log + 1] = o.tag; saved = o end}) end
collectgarbage()
saved = nil
collectgarbage()
print(table.concat(log, " "))

-- __gc must be present when setmetatable is called; setting the metatable again registers
log = {}
do
  local mt = {}
  local o = setmetatable({tag = "late"}, mt)
  mt.__gc = function(x) log[#log + 1] = x.tag end
  local p = setmetatable({tag = "again"}, mt)
end
collectgarbage()
print(table.concat(log, " "))

-- finalizers may create new finalizable objects; errors in them do not stop the others
log = {}
do
  setmetatable({}, {__gc = function() log[#log + 1] = "second" end})
  setmetatable({}, {__gc = function() error("oops") end})
  setmetatable({}, {__gc = function() setmetatable({}, fin("spawned")) log[#log + 1] = "first" end})
end
collectgarbage()
print(table.concat(log, " "))
collectgarbage()
print(table.concat(log, " "))

-- the iterator state of a generic for stays reachable while the loop runs
log = {}
local function iter(s, i) if i < 2 then collectgarbage() return i + 1 end end
for i in iter, setmetatable({tag = "for-state"}, fin("kept-")), 0 do end
print("during loop:", #log)
collectgarbage()
print(table.concat(log, " "))
