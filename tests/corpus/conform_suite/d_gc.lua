-- conform_suite (part D): finalizers, weak tables, collectgarbage, __close errors, self-checking.
local failed = 0
local function T(name, f)
  local ok, msg = pcall(f)
  if ok then print("ok   " .. name) else failed = failed + 1; print("FAIL " .. name .. ": " .. tostring(msg)) end
end
local function E(f, ...)
  local ok, msg = pcall(f, ...)
  assert(not ok, "expected an error")
  return msg
end
local function is(got, want) assert(got == want, "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]") end

T("collectgarbage options", function()
  is(collectgarbage(), 0)
  is(collectgarbage("collect"), 0)
  is(math.type(collectgarbage("count")), "float")
  assert(collectgarbage("count") > 0)
  is(collectgarbage("isrunning"), true)
  is(collectgarbage("stop"), 0)
  is(collectgarbage("isrunning"), false)
  is(collectgarbage("restart"), 0)
  is(collectgarbage("isrunning"), true)
  is(type(collectgarbage("step")), "boolean")
  is(type(collectgarbage("step", 0)), "boolean")
  local m = E(collectgarbage, "nope"); is(m, "bad argument #1 to 'collectgarbage' (invalid option 'nope')")
  m = E(collectgarbage, 1); is(m, "bad argument #1 to 'collectgarbage' (invalid option '1')")
  m = E(collectgarbage, {}); is(m, "bad argument #1 to 'collectgarbage' (string expected, got table)")
  is(collectgarbage("incremental"), "generational")   -- lua.c runs scripts in generational mode
  is(collectgarbage("generational"), "incremental")
  is(collectgarbage("generational"), "generational")
  is(collectgarbage("incremental"), "generational")
  is(collectgarbage("incremental", 200, 100, 13), "incremental")
  is(select('#', collectgarbage("setpause", 100)), 1)
  print("setpause", collectgarbage("setpause", 200))
  print("setstepmul", collectgarbage("setstepmul", 100))
  is(collectgarbage("incremental", 0, 0, 0), "incremental")
  print("setpause after defaults", collectgarbage("setpause", 200))
  collectgarbage("incremental", 200, 100)
end)

T("finalizer order and resurrection", function()
  local log = {}
  do
    for i = 1, 3 do setmetatable({}, {__gc = function() log[#log + 1] = i end}) end
  end
  collectgarbage()
  is(table.concat(log, ","), "3,2,1")   -- reverse order of marking for finalization
  local saved
  do
    local o = setmetatable({name = "res"}, {__gc = function(o) saved = o end})
  end
  collectgarbage()
  is(saved.name, "res")       -- resurrected by its finalizer
  local count = 0
  setmetatable(saved, {__gc = function() count = count + 1 end})   -- a new __gc after resurrection registers again
  saved = nil
  collectgarbage()
  is(count, 1)
  -- __gc set after setmetatable does not mark for finalization
  local called = false
  do
    local mt = {}
    local o = setmetatable({}, mt)
    mt.__gc = function() called = true end
  end
  collectgarbage(); collectgarbage()
  is(called, false)
  -- a __gc field present (even false) at setmetatable time marks it; the value is looked up at collection
  do
    local mt = {__gc = false}
    local o = setmetatable({}, mt)
    mt.__gc = function() called = true end
  end
  collectgarbage()
  is(called, true)
  -- a non-function __gc is ignored silently
  do setmetatable({}, {__gc = 42}) end
  collectgarbage()
end)

T("errors in finalizers become warnings", function()
  do setmetatable({}, {__gc = function() error("in gc") end}) end
  collectgarbage()   -- no error propagates
  local ok = true
  is(ok, true)
end)

T("weak tables", function()
  local k = setmetatable({}, {__mode = "k"})
  local v = setmetatable({}, {__mode = "v"})
  local kv = setmetatable({}, {__mode = "kv"})
  local keep = {}
  k[keep] = 1; k[{}] = 2; k["str"] = {}; k[1] = {}
  v[1] = keep; v[2] = {}; v[3] = "str"; v[4] = 10; v[5] = function() end
  kv[{}] = 1; kv[1] = {}; kv[keep] = keep
  collectgarbage()
  local n = 0
  for _ in pairs(k) do n = n + 1 end
  is(n, 3)    -- keep, "str", 1 (strings and numbers are not collectable keys here)
  is(v[1], keep); is(v[2], nil); is(v[3], "str"); is(v[4], 10)
  n = 0
  for _ in pairs(kv) do n = n + 1 end
  is(n, 1)
  -- ephemerons: a value that refers to its own key does not keep the key alive
  local e = setmetatable({}, {__mode = "k"})
  do
    local a = {}
    e[a] = {ref = a}
    local b = {}
    e[b] = {ref = {}}
  end
  collectgarbage()
  is(next(e), nil)
  -- chain of ephemerons: reachable only through other entries' values
  local root = {}
  e[root] = {}
  local x = e[root]
  do
    local y = {}
    e[x] = y
    e[y] = {}
  end
  collectgarbage()
  n = 0
  for _ in pairs(e) do n = n + 1 end
  is(n, 3)
  -- strings are values, never removed from weak tables
  local ws = setmetatable({}, {__mode = "v"})
  ws[1] = "a" .. "b"
  collectgarbage()
  is(ws[1], "ab")
  -- a finalized object's entry in a weak-valued table is removed before the finalizer runs
  local wv = setmetatable({}, {__mode = "v"})
  local seen
  do
    local o = setmetatable({}, {__gc = function(o) seen = wv[1] end})
    wv[1] = o
  end
  collectgarbage()
  is(seen, nil)
  is(wv[1], nil)
  -- but weak keys of resurrected objects stay until the next cycle
  local wk = setmetatable({}, {__mode = "k"})
  local during
  do
    local o = setmetatable({}, {__gc = function(o) during = wk[o] end})
    wk[o] = "val"
  end
  collectgarbage()
  is(during, "val")
  collectgarbage()
  is(next(wk), nil)
end)

T("collectgarbage inside a finalizer", function()
  local r = "unset"
  do setmetatable({}, {__gc = function() r = collectgarbage() end}) end
  collectgarbage()
  print("collectgarbage() in __gc returns", r)
  local s = "unset"
  do setmetatable({}, {__gc = function() s = collectgarbage("step") end}) end
  collectgarbage()
  print("collectgarbage('step') in __gc returns", s)
end)

T("automatic collection", function()
  local cleared = false
  local w = setmetatable({}, {__mode = "v"})
  w[1] = {}
  for i = 1, 200000 do local t = {i} end
  is(w[1], nil)
  local fin = 0
  for i = 1, 1000 do setmetatable({}, {__gc = function() fin = fin + 1 end}) end
  for i = 1, 200000 do local t = {i} end
  assert(fin > 0)
  local before = collectgarbage("count")
  local big = {}
  for i = 1, 100000 do big[i] = {} end
  assert(collectgarbage("count") > before + 1000)
  big = nil
  collectgarbage()
  assert(collectgarbage("count") < before + 1000)
end)

T("__close errors", function()
  local log = {}
  local function closer(name, fail)
    return setmetatable({}, {__close = function(_, e)
      log[#log + 1] = name .. ":" .. tostring(e)
      if fail then error(name .. " failed", 0) end
    end})
  end
  local ok, m = pcall(function()
    local a <close> = closer("a")
    local b <close> = closer("b", true)
    local c <close> = closer("c")
    error("body", 0)
  end)
  is(ok, false); is(m, "b failed")
  is(table.concat(log, " "), "c:body b:body a:b failed")
  log = {}
  ok, m = pcall(function()
    local a <close> = closer("a", true)
    local b <close> = closer("b", true)
  end)
  is(m, "a failed")
  is(table.concat(log, " "), "b:nil a:b failed")
  m = E(function() local x <close> = {} end)
  assert(m:find("variable 'x' got a non%-closable value"), m)
  m = E(function() local x <close> = 42 end)
  assert(m:find("variable 'x' got a non%-closable value"), m)
  local fine = pcall(function() local x <close> = nil; local y <close> = false end)
  is(fine, true)
  -- __close removed after the declaration: error at closing time
  local mt = {__close = function() end}
  m = E(function() local x <close> = setmetatable({}, mt); mt.__close = nil end)
  assert(m:find("metamethod 'close'"), m)
  -- coroutine.close runs pending closes
  log = {}
  local co = coroutine.create(function()
    local a <close> = closer("co")
    coroutine.yield()
  end)
  coroutine.resume(co)
  is(coroutine.close(co), true)
  is(log[1], "co:nil")
  co = coroutine.create(function()
    local a <close> = closer("co2", true)
    coroutine.yield()
  end)
  coroutine.resume(co)
  local okc, err = coroutine.close(co)
  is(okc, false); is(err, "co2 failed")
end)

if failed > 0 then error(failed .. " failed") end
-- finalizers still pending run when the state closes at the end of the program
setmetatable({}, {__gc = function() print("finalized at exit") end})
local keep = setmetatable({}, {__gc = function() print("kept object finalized at exit") end})
print("done")
