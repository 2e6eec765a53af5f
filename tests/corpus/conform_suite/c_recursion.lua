-- conform_suite (part C): deep recursion and its messages, self-checking, written from the manual
-- (stack overflow in Lua calls, metamethods, library callbacks, error objects through deep stacks).
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
local function is(got, want, what)
  assert(got == want, (what and what .. ": " or "") .. "got [" .. tostring(got) .. "] want [" .. tostring(want) .. "]")
end
local function EM(f, ...)
  local ok, msg = pcall(f, ...)
  assert(not ok, "expected an error")
  return type(msg) == "string" and (msg:gsub("^[^:]*:%d+: ", "")) or msg
end

T("stack overflow in Lua calls", function()
  local function rec(n) return 1 + rec(n + 1) end
  local ok, msg = pcall(rec, 1)
  is(ok, false)
  assert(msg:find("^c_recursion.lua:%d+: stack overflow$"), msg)
  -- the stack is usable again afterwards, many times
  for _ = 1, 3 do is(EM(rec, 1), "stack overflow") end
  local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
  is(depth(10000), 10000)
  -- a tail call does not grow the stack
  local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
  is(loop(1000000), "done")
end)

T("overflow inside a coroutine", function()
  local function rec(n) return 1 + rec(n + 1) end
  local co = coroutine.create(function() return rec(1) end)
  local ok, msg = coroutine.resume(co)
  is(ok, false); is((msg:gsub("^[^:]*:%d+: ", "")), "stack overflow")
  is(coroutine.status(co), "dead")
  local w = coroutine.wrap(function() return rec(1) end)
  is(EM(w), "stack overflow")
end)

T("C stack overflow in metamethods and callbacks", function()
  local t = setmetatable({}, {__index = function(s, k) return s[k .. "x"] end})
  is(EM(function() return t.a end), "C stack overflow")
  local u = setmetatable({}, {__add = function(a, b) return a + b end})
  is(EM(function() return u + 1 end), "C stack overflow")
  local c = setmetatable({}, {__concat = function(a, b) return a .. b end})
  is(EM(function() return c .. "x" end), "C stack overflow")
  local q = setmetatable({}, {__len = function(s) return #s end, __lt = function(a, b) return a < b end,
    __eq = function(a, b) return a == b end, __unm = function(a) return -a end})
  is(EM(function() return #q end), "C stack overflow")
  is(EM(function() return q < q end), "C stack overflow")
  is(EM(function() return -q end), "C stack overflow")
  local q2 = setmetatable({}, getmetatable(q))
  is(EM(function() return q == q2 end), "C stack overflow")
  local n = setmetatable({}, {__newindex = function(s, k, v) s[k] = v end})
  is(EM(function() n.x = 1 end), "C stack overflow")
  local k = setmetatable({}, {__call = function(self) return (self()) end})
  is(EM(function() return k() end), "stack overflow")
end)

T("C stack overflow in library callbacks", function()
  local function g(s) return (s:gsub(".", g)) end
  is(EM(g, "ab"), "C stack overflow")
  local v = setmetatable({}, {__tostring = function(s) return tostring(s) end})
  is(EM(tostring, v), "C stack overflow")
  local function srt() table.sort({3, 2, 1}, function(a, b) srt() return a < b end) end
  is(EM(srt), "C stack overflow")
  local function pc(n) if n == 0 then return "bottom" end return select(2, pcall(pc, n - 1)) end
  is(pc(150), "bottom")
  is(pc(250), "C stack overflow")
  local loaded = load("return 1")
  local function lr() return loaded() + lr() end
  is(EM(lr), "stack overflow")
end)

T("__index and __newindex chains", function()
  local a1, a2 = {}, {}
  setmetatable(a1, {__index = a2}); setmetatable(a2, {__index = a1})
  is(EM(function() return a1.x end), "'__index' chain too long; possible loop")
  local n1, n2 = {}, {}
  setmetatable(n1, {__newindex = n2}); setmetatable(n2, {__newindex = n1})
  is(EM(function() n1.x = 1 end), "'__newindex' chain too long; possible loop")
  -- a long chain that ends is fine
  local base = {x = "found"}
  local top = base
  for _ = 1, 1000 do top = setmetatable({}, {__index = top}) end
  is(top.x, "found")
  local sink = {}
  local w = sink
  for _ = 1, 1000 do w = setmetatable({}, {__newindex = w}) end
  w.y = 7
  is(rawget(sink, "y"), 7)
  -- 2000 steps of a chain are followed, with a lookup after each; a miss after the last is an error
  local long = {x = 1}
  for _ = 1, 2000 do long = setmetatable({}, {__index = long}) end
  is(long.x, 1)
  is(EM(function() return long.y end), "'__index' chain too long; possible loop")
  long = setmetatable({}, {__index = long})
  is(EM(function() return long.x end), "'__index' chain too long; possible loop")
  local w2 = {}
  for _ = 1, 1999 do w2 = setmetatable({}, {__newindex = w2}) end
  w2.z = 1
  w2 = setmetatable({}, {__newindex = w2})
  w2.z = 2   -- a key the last table has is assigned there
  is(EM(function() w2.fresh = 1 end), "'__newindex' chain too long; possible loop")
end)

T("error objects through deep stacks", function()
  local function erec(n) if n == 0 then error({code = 42}) end return erec(n - 1) + 1 end
  local ok, e = pcall(erec, 10000)
  is(ok, false); is(type(e), "table"); is(e.code, 42)
  -- error with a level from deep inside
  local function lvl(n) if n == 0 then error("deep", 2) end return (lvl(n - 1)) end
  local ok2, m2 = pcall(lvl, 5000)
  is(ok2, false); assert(m2:find("^c_recursion.lua:%d+: deep$"), m2)
  -- xpcall's handler sees the overflow message and runs with stack to spare
  local function rec(n) return 1 + rec(n + 1) end
  local ok3, m3 = xpcall(rec, function(m) return "handled: " .. (m:gsub("^[^:]*:%d+: ", "")) end, 1)
  is(ok3, false); is(m3, "handled: stack overflow")
  -- a traceback of a deep stack is abbreviated
  local tb
  local function tr(n) if n == 0 then tb = debug.traceback("msg") return 0 end return 1 + tr(n - 1) end
  tr(100)
  assert(tb:find("^msg\nstack traceback:\n"), tb)
  assert(tb:find("\n\t%.%.%.\t%(skipping %d+ levels%)"), "traceback abbreviated")
  -- an error in the handler itself
  local ok4, m4 = xpcall(error, function(m) error("again") end, "first")
  is(ok4, false)
  -- nested error handlers that overflow give a string, not a crash
  local function h(m) return 1 + h(m) end
  local ok5, m5 = xpcall(error, h, "x")
  is(ok5, false)
end)

T("deep nesting in the parser", function()
  local function compiles(src) local f, msg = load(src) return f ~= nil, msg end
  local ok, msg = compiles("return " .. string.rep("(", 300) .. "1" .. string.rep(")", 300))
  is(ok, false); assert(msg:find("C stack overflow") or msg:find("overflow"), msg)
  ok = compiles("return " .. string.rep("(", 150) .. "1" .. string.rep(")", 150))
  is(ok, true)
  ok, msg = compiles("return " .. string.rep("{", 1000) .. string.rep("}", 1000))
  is(ok, false)
  ok = compiles("return " .. string.rep("-", 300) .. "1")
  is(ok, true)
  is(load("return " .. string.rep("- ", 101) .. "1")(), -1)
  ok = compiles(string.rep("do ", 150) .. string.rep("end ", 150))
  is(ok, true)
  ok, msg = compiles(string.rep("do ", 300) .. string.rep("end ", 300))
  is(ok, false)
  ok = compiles("local a = " .. string.rep("a .. ", 150) .. "a")
  is(ok, true)
end)

print(failed == 0 and "all passed" or (failed .. " failed"))
assert(failed == 0)
