-- conform_suite (part B): coroutines, self-checking.
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
-- the corpus also runs with its main chunk inside a coroutine (CorpusModesTest): what only
-- holds on the main thread is checked only there
local ONMAIN = select(2, coroutine.running())
local function L() return "b_coroutines.lua:" .. debug.getinfo(2, "l").currentline .. ": " end

T("basic resume/yield passing values", function()
  local co = coroutine.create(function(a, b)
    local c, d = coroutine.yield(a + b)
    local e = coroutine.yield(c * d)
    return e, "end"
  end)
  local r = table.pack(coroutine.resume(co, 1, 2))
  assert(r.n == 2 and r[1] and r[2] == 3)
  r = table.pack(coroutine.resume(co, 3, 4))
  assert(r.n == 2 and r[2] == 12)
  r = table.pack(coroutine.resume(co, "x", "ignored"))
  assert(r.n == 3 and r[2] == "x" and r[3] == "end")
  is(coroutine.status(co), "dead")
  r = table.pack(coroutine.resume(co))
  assert(r.n == 2 and r[1] == false and r[2] == "cannot resume dead coroutine")
  -- yield with no values / resume with no values
  co = coroutine.create(function(...) assert(select('#', ...) == 0); assert(select('#', coroutine.yield()) == 0) end)
  r = table.pack(coroutine.resume(co))
  assert(r.n == 1)
  assert(coroutine.resume(co))
end)

T("status, running, isyieldable", function()
  local main, ismain = coroutine.running()
  assert(type(main) == "thread" and ismain == ONMAIN)
  if ONMAIN then assert(not coroutine.isyieldable()) end
  assert(coroutine.status(main) == "running")
  local co
  co = coroutine.create(function()
    local me, im = coroutine.running()
    assert(me == co and im == false)
    assert(coroutine.isyieldable())
    assert(coroutine.status(co) == "running")
    assert(coroutine.status(main) == "normal")
    local inner = coroutine.create(function() return coroutine.status(co) end)
    local ok, st = coroutine.resume(inner)
    assert(ok and st == "normal")
    coroutine.yield()
  end)
  is(coroutine.status(co), "suspended")
  assert(coroutine.resume(co))
  is(coroutine.status(co), "suspended")
  assert(coroutine.resume(co))
  is(coroutine.status(co), "dead")
  assert(coroutine.isyieldable(co) == true)   -- lua5.4.4: a dead coroutine is yieldable
  is(E(coroutine.status, 1), "bad argument #1 to 'coroutine.status' (thread expected, got number)")
end)

T("resume errors", function()
  local co = coroutine.create(function() error("oops") end)
  local ok, msg = coroutine.resume(co)
  is(ok, false); is(msg, L():gsub("%d+", function(n) return n - 2 end) .. "oops")
  is(coroutine.status(co), "dead")
  co = coroutine.create(function() error({code = 1}) end)
  ok, msg = coroutine.resume(co)
  assert(not ok and type(msg) == "table" and msg.code == 1)
  -- resume a running coroutine
  co = coroutine.create(function() return coroutine.resume(co) end)
  local ok1, ok2, m2 = coroutine.resume(co)
  assert(ok1 and ok2 == false and m2 == "cannot resume non-suspended coroutine")
  -- resume the main thread
  local main = coroutine.running()
  ok, msg = coroutine.resume(main)
  assert(not ok and msg == "cannot resume non-suspended coroutine")
  -- resume a normal coroutine
  local outer
  outer = coroutine.create(function()
    local inner = coroutine.create(function() return coroutine.resume(outer) end)
    return coroutine.resume(inner)
  end)
  local a, b, c, d = coroutine.resume(outer)
  assert(a and b and c == false and d == "cannot resume non-suspended coroutine")
  is(E(coroutine.resume, 1), "bad argument #1 to 'coroutine.resume' (thread expected, got number)")
  is(E(coroutine.create, 1), "bad argument #1 to 'coroutine.create' (function expected, got number)")
  is(E(coroutine.wrap, nil), "bad argument #1 to 'coroutine.wrap' (function expected, got nil)")
  -- yield outside a coroutine
  if ONMAIN then is(E(coroutine.yield, 1), "attempt to yield from outside a coroutine") end
end)

T("wrap", function()
  local gen = coroutine.wrap(function(n) for i = 1, n do coroutine.yield(i) end return "done" end)
  assert(gen(3) == 1 and gen() == 2 and gen() == 3 and gen() == "done")
  is(E(gen), "cannot resume dead coroutine")
  -- errors propagate with position info
  local w = coroutine.wrap(function() error("inside") end)
  is(E(w), L():gsub("%d+", function(n) return n - 1 end) .. "inside")
  local w2 = coroutine.wrap(function() local x = nil; return x.y end)
  is(E(w2), L():gsub("%d+", function(n) return n - 1 end) .. "attempt to index a nil value (local 'x')")
  -- non-string errors propagate unchanged
  local obj = {}
  local w3 = coroutine.wrap(function() error(obj) end)
  assert(E(w3) == obj)
  -- error with level 0 stays without position
  local w4 = coroutine.wrap(function() error("bare", 0) end)
  is(E(w4), "bare")
  -- error of a nested wrap
  local w5 = coroutine.wrap(function() local w6 = coroutine.wrap(function() error("deep") end); w6() end)
  local pos = L():gsub("%d+", function(n) return n - 1 end)
  is(E(w5), pos .. pos .. "deep")   -- the outer wrap adds its position again (a string error)
end)

T("yield across pcall and metamethods and iterators", function()
  local co = coroutine.wrap(function()
    local ok, v = pcall(function() local r = coroutine.yield(1); error("after " .. r, 0) end)
    coroutine.yield(v)
    local t = setmetatable({}, {__index = function(t, k) return coroutine.yield("idx " .. k) end,
                                __add = function(a, b) return coroutine.yield("add") end,
                                __lt = function(a, b) return coroutine.yield("lt") end,
                                __concat = function(a, b) return coroutine.yield("cat") end,
                                __eq = function(a, b) return coroutine.yield("eq") end,
                                __call = function(self, x) return coroutine.yield("call " .. x) end})
    local v1 = t.foo
    local v2 = t + 1
    local v3 = t < t
    local v4 = t .. "x"
    local v5 = t == setmetatable({}, getmetatable(t))
    local v6 = t(7)
    coroutine.yield(table.concat({tostring(v1), tostring(v2), tostring(v3), tostring(v4), tostring(v5), tostring(v6)}, ","))
    for k in function(s, c) if c == nil then return coroutine.yield("iter") end end do
      coroutine.yield("body " .. tostring(k))
    end
    local ok2, v7 = xpcall(function() return coroutine.yield("in xpcall") end, debug.traceback)
    return "final " .. tostring(ok2) .. " " .. tostring(v7)
  end)
  is(co(), 1)
  is(co("R"), "after R")
  is(co(), "idx foo")
  is(co("F"), "add")
  is(co(10), "lt")
  is(co(false), "cat")
  is(co("C"), "eq")
  is(co(nil), "call 7")
  is(co("K"), "F,10,false,C,false,K")
  is(co(), "iter")
  is(co("kk"), "body kk")
  is(co(), "in xpcall")
  is(co("xp"), "final true xp")
end)

T("coroutine.close", function()
  -- close a suspended coroutine with pending to-be-closed variables
  local log = {}
  local co = coroutine.create(function()
    local a <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = "a:" .. tostring(e) end})
    local b <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = "b:" .. tostring(e) end})
    coroutine.yield()
  end)
  coroutine.resume(co)
  local ok, err = coroutine.close(co)
  assert(ok == true and err == nil)
  is(table.concat(log, " "), "b:nil a:nil")
  is(coroutine.status(co), "dead")
  -- closing a dead or never-started coroutine
  assert(coroutine.close(co) == true)
  assert(coroutine.close(coroutine.create(print)) == true)
  -- an error in __close is returned
  co = coroutine.create(function()
    local a <close> = setmetatable({}, {__close = function() error("close err", 0) end})
    coroutine.yield()
  end)
  coroutine.resume(co)
  ok, err = coroutine.close(co)
  assert(ok == false and err == "close err")
  -- a coroutine dead by error: close returns false and the error
  co = coroutine.create(function() error({}) end)
  local _, e1 = coroutine.resume(co)
  local ok2, e2 = coroutine.close(co)
  assert(ok2 == false and e2 == e1)
  -- errors in several __close: the last one wins and each sees the previous
  local seen = {}
  co = coroutine.create(function()
    local a <close> = setmetatable({}, {__close = function(_, e) seen[#seen + 1] = tostring(e); error("A", 0) end})
    local b <close> = setmetatable({}, {__close = function(_, e) seen[#seen + 1] = tostring(e); error("B", 0) end})
    coroutine.yield()
  end)
  coroutine.resume(co)
  ok, err = coroutine.close(co)
  assert(ok == false and err == "A")
  is(table.concat(seen, ","), "nil,B")
  -- close a running coroutine / a normal coroutine
  is(E(coroutine.close, coroutine.running()), "cannot close a running coroutine")
  local outer
  outer = coroutine.create(function()
    local inner = coroutine.create(function() return pcall(coroutine.close, outer) end)
    return coroutine.resume(inner)
  end)
  local r = table.pack(coroutine.resume(outer))
  assert(r[1] and r[2] and r[3] == false and r[4] == "cannot close a normal coroutine", r[4])
  is(E(coroutine.close, 1), "bad argument #1 to 'coroutine.close' (thread expected, got number)")
end)

T("wrap with pending close on error", function()
  local log = {}
  local w = coroutine.wrap(function()
    local x <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = tostring(e) end})
    coroutine.yield(1)
    error("boom", 0)
  end)
  assert(w() == 1)
  is(E(w), "boom")
  is(log[1], "boom")
end)

T("yield from nested functions and many values", function()
  local co = coroutine.create(function()
    local function deep(n) if n == 0 then return coroutine.yield("bottom") end return deep(n - 1) end
    return deep(100)
  end)
  local ok, v = coroutine.resume(co)
  assert(ok and v == "bottom")
  ok, v = coroutine.resume(co, "up")
  assert(ok and v == "up")
  local many = {}
  for i = 1, 250 do many[i] = i end
  co = coroutine.create(function(...) return coroutine.yield(...) end)
  local r = table.pack(coroutine.resume(co, table.unpack(many)))
  assert(r.n == 251 and r[251] == 250)
  r = table.pack(coroutine.resume(co, table.unpack(many)))
  assert(r.n == 251 and r[2] == 1)
end)

T("a coroutine that errors inside pcall inside it", function()
  local co = coroutine.create(function()
    local ok, e = pcall(error, "in", 0)
    coroutine.yield(e)
    error("out", 0)
  end)
  local _, v = coroutine.resume(co)
  is(v, "in")
  local ok, v2 = coroutine.resume(co)
  assert(not ok and v2 == "out")
end)

T("traceback of a coroutine", function()
  local co = coroutine.create(function() local function inner() coroutine.yield() end inner() end)
  coroutine.resume(co)
  local tb = debug.traceback(co)
  assert(string.find(tb, "^stack traceback:\n"), tb)
  assert(string.find(tb, "in function 'coroutine.yield'"), tb)
  assert(string.find(tb, "in local 'inner'") or string.find(tb, "in function 'inner'"), tb)
  local tb2 = debug.traceback(co, "msg")
  assert(string.find(tb2, "^msg\nstack traceback:\n"), tb2)
  local co2 = coroutine.create(function() error("x") end)
  coroutine.resume(co2)
  local tb3 = debug.traceback(co2)
  assert(string.find(tb3, "in function 'error'"), tb3)
end)

T("coroutine as iterator / generic for", function()
  local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
  local s = 0
  for i in range(10) do s = s + i end
  is(s, 55)
end)

T("coroutine.running inside wrap and identity", function()
  local w
  local th
  w = coroutine.wrap(function() th = coroutine.running(); coroutine.yield() end)
  w()
  assert(type(th) == "thread" and coroutine.status(th) == "suspended")
  assert(coroutine.close(th))
  is(E(w), "cannot resume dead coroutine")
end)

print(failed == 0 and "all passed" or (failed .. " failed"))
assert(failed == 0)
