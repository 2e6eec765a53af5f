-- The generic for in hot code (compiled by the second tier after 1000 runs of a block, and in
-- every block with -Dluahost.jit=0): pairs, ipairs, gmatch and function iterators with 1-4
-- variables, break in nested loops, captured loop variables, return and goto from the body,
-- a __call iterator, next from a key, ipairs over a proxy, an iterator that errors, a table
-- changed during pairs, a closing value, hooks set inside the body, the hidden locals.
-- generic for: the fast paths and the general one
local t = {10, 20, 30, x = 1, y = 2}
local function run()
  local s = 0
  for k, v in pairs(t) do if type(k) == "number" then s = s + v end end
  for i, v in ipairs(t) do s = s + i * v end
  for i in ipairs(t) do s = s + i end
  for k in pairs(t) do s = s + (type(k) == "string" and 1 or 0) end
  for k, v, z in pairs(t) do assert(z == nil) end
  for w in ("a b c"):gmatch("%a") do s = s + #w end
  for a, b in ("a=1, b=2"):gmatch("(%w+)=(%w+)") do s = s + tonumber(b) end
  local function iter(st, c) if c < st then return c + 1, c * 2, c * 3 end end
  for a, b, c in iter, 5, 0 do s = s + a + b + c end
  for a in iter, 5, 0 do s = s + a end
  for a, b, c, d in iter, 3, 0 do assert(d == nil); s = s + a end
  -- break in nested loops
  for i, v in ipairs(t) do
    for k in pairs(t) do if k == "x" then break end end
    if i == 2 then break end
    s = s + v
  end
  -- captured loop variables: fresh each iteration
  local fs = {}
  for i, v in ipairs(t) do fs[#fs + 1] = function() return i, v end end
  for _, f in ipairs(fs) do local a, b = f(); s = s + a + b end
  local gs = {}
  for a, b in iter, 3, 0 do gs[#gs + 1] = function() a = a + 1; return a + b end end
  for _, g in ipairs(gs) do s = s + g() + g() end
  -- return from inside
  local function find(x) for k, v in pairs(t) do if v == x then return k end end return nil end
  s = s + find(20) + (find(99) or 0)
  -- goto continue
  for i, v in ipairs(t) do
    if i == 2 then goto continue end
    s = s + v
    ::continue::
  end
  -- __call iterator
  local callable = setmetatable({}, {__call = function(self, st, c) if c < 3 then return c + 1 end end})
  for i in callable, nil, 0 do s = s + i end
  -- next directly, with a start key
  for k, v in next, {1, 2, 3}, 1 do s = s + v end
  -- ipairs with a metatable
  local p = setmetatable({}, {__index = function(_, i) if i < 4 then return i * 100 end end})
  for i, v in ipairs(p) do s = s + v end
  return s
end

local total = 0
for r = 1, 1500 do total = total + run() end
print("run", total)

-- the same loops, each in its own hot function
local function hot(f, n) local last; for r = 1, n or 1200 do last = table.pack(f(r)) end return table.unpack(last, 1, last.n) end
local function bad(st, c) if c > 2 then error("boom at " .. c) end return c + 1 end
print(hot(function() return pcall(function() for i in bad, nil, 0 do end end) end))
print(hot(function() return pcall(function() for i in nil do end end) end))
print(hot(function() return pcall(function() for i in 42, 1, 2 do end end) end))
print(hot(function() return pcall(function() for i, v in {} do end end) end))
print(hot(function(r)
  local ok, a, b = pcall(function()
    local m = {}
    for i = 1, 20 do m["k" .. i] = i end
    local n = 0
    for k, v in pairs(m) do m[k] = nil; n = n + 1 end
    return n, next(m)
  end)
  return ok, a, b
end, 300))
print(hot(function()
  return pcall(function()
    local m = {}
    for i = 1, 8 do m["k" .. i] = i end
    for k, v in pairs(m) do m[k] = nil; for j = 1, 40 do m["n" .. j] = j end end
  end)
end, 300))
do
  local log, closes = {}, 0
  local cl = setmetatable({}, {__close = function(_, e) closes = closes + 1; log[#log + 1] = tostring(e) end})
  print(hot(function()
    local s = 0
    for i in function(_, c) if c < 2 then return c + 1 end end, nil, 0, cl do s = s + i end
    for i in function(_, c) if c < 5 then return c + 1 end end, nil, 0, cl do if i == 2 then break end end
    local ok, e = pcall(function() for i in function(_, c) return c + 1 end, nil, 0, cl do if i == 3 then error("in body") end end end)
    return s, ok, e
  end))
  print(closes, log[1], log[2], log[3], log[#log])
  print(pcall(function() for i in next, {}, nil, 42 do end end))
end
-- hooks set inside the body of a hot loop (each fast path, then the call of the iterator)
do
  local t2 = {1, 2, 3, 4}
  local lines
  local function f()
    lines = {}
    for i, v in ipairs(t2) do
      if i == 2 then debug.sethook(function(ev, l) lines[#lines + 1] = ev .. ":" .. tostring(l) end, "lcr") end
    end
    debug.sethook()
    return #lines
  end
  print(hot(f))
  print(table.concat(lines, " "))
  local m = {a = 1, b = 2, c = 3}
  local function g()
    lines = {}
    local n = 0
    for k, v in pairs(m) do
      n = n + 1
      if n == 1 then debug.sethook(function(ev, l) lines[#lines + 1] = ev end, "cr") end
    end
    debug.sethook()
    return n, #lines
  end
  print(hot(g))
  local function h()
    lines = {}
    local n = 0
    for w in ("x y z"):gmatch("%a") do
      n = n + 1
      if n == 2 then debug.sethook(function(ev) lines[#lines + 1] = ev end, "cr") end
    end
    debug.sethook()
    return n, #lines
  end
  print(hot(h))
  print(table.concat(lines, " "))
end
-- debug.getlocal sees the hidden state
print(hot(function()
  for k, v in pairs({a = 1}) do
    local names = {}
    for i = 1, 10 do local nm, val = debug.getlocal(1, i); if not nm then break end names[#names + 1] = nm .. "=" .. type(val) end
    return table.concat(names, " ")
  end
end))
-- error positions inside the body and from the iterator
print(hot(function() return pcall(function()
  for k, v in pairs({1}) do
    local z = v + nil
  end
end) end))
print(hot(function() return pcall(function()
  for k, v in
     pairs(nil) do
  end
end) end))
print(hot(function() return select(2, pcall(function()
  for w in string.gmatch("abc", ".") do
    local q = w .. {}
  end
end)) end))
print(hot(function() return select(2, pcall(function()
  for a, b in function(s, c) if c < 3 then return c + 1, s.x end end, nil, 0 do end
end)) end))
-- a coroutine yielding from the iterator and from the body of a hot loop
print(hot(function()
  local co = coroutine.wrap(function()
    local s = 0
    for v in function(_, c) if c < 3 then coroutine.yield(c); return c + 1 end end, nil, 0 do
      coroutine.yield(-v); s = s + v
    end
    return "done", s
  end)
  local out = {}
  for i = 1, 7 do out[i] = tostring(co()) end
  return table.concat(out, " ")
end, 400))
-- a loop compiled after it saw one kind of iterator, then given the others
do
  local function sumAll(mk, t) local s = 0; for k, v in mk(t) do s = s + v end return s end
  local callable = setmetatable({}, {__call = function(_, _, c) if c < 2 then return c + 1, 10 end end})
  local cl = setmetatable({}, {__close = function() io.write("closed ") end})
  for _, first in ipairs({pairs, ipairs, function(t) return function(_, c) if c < 3 then return c + 1, c end end, nil, 0 end}) do
    local acc = 0
    for r = 1, 1100 do acc = acc + sumAll(first, {1, 2, 3}) end
    acc = acc + sumAll(pairs, {1, 2, 3}) + sumAll(ipairs, {4, 5}) + sumAll(function(t) return next, t end, {6})
      + sumAll(function() return function(_, c) if c < 3 then return c + 1, c end end, nil, 0 end)
      + sumAll(function() return callable, nil, 0 end)
      + sumAll(function(t) return next, t, nil, cl end, {7})
      + sumAll(function(t) return ipairs(setmetatable(t, {__index = function(_, i) if i < 4 then return i end end})) end, {})
    print(acc)
  end
  print(pcall(sumAll, function() return 1, 2, 3 end))
end
