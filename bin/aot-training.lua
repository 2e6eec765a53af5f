-- Training run for the AOT cache that ./luahost builds (JDK 25, JEP 514/515):
-- the classes this loads and links, and the profiles it collects, are ready at
-- the start of every later run. Touch the common paths of the VM; keep it short
-- (it runs once per build). Each part is protected so that a feature the VM
-- does not have yet only shortens the training.
local function part(f) pcall(f) end

part(function()
  local t, s = {}, 0
  for i = 1, 2000 do t[i] = i * 2 end
  for _, v in ipairs(t) do s = s + v end
  local h = {}
  for i = 1, 500 do h["k" .. i] = i end
  for k, v in pairs(h) do s = s + v + #k end
  return s
end)

part(function()
  local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
  return fib(18)
end)

part(function()
  local Point = {}
  Point.__index = Point
  function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
  function Point:len() return math.sqrt(self.x * self.x + self.y * self.y) end
  Point.__add = function(a, b) return Point.new(a.x + b.x, a.y + b.y) end
  Point.__tostring = function(p) return "(" .. p.x .. "," .. p.y .. ")" end
  local p = Point.new(1, 2) + Point.new(3, 4)
  return tostring(p), p:len()
end)

part(function()
  local s = string.format("%d %s %5.2f %q %x", 42, "str", 3.14159, "a\nb", 255)
  local n = 0
  for w in s:gmatch("%a+") do n = n + #w end
  return s:upper(), s:sub(2, 5), s:rep(3, ","), s:find("str", 1, true), s:gsub("%d", "#"), n
end)

part(function()
  -- big enough for table.sort's partition loop to collect a profile (a comparator
  -- sort of a million elements then runs compiled code much sooner)
  local t, u = {}, {}
  for i = 1, 5000 do t[i] = (i * 7919) % 10007; u[i] = t[i] end
  table.sort(t)
  table.sort(u, function(a, b) return a > b end)
  table.insert(t, 1, 0)
  table.remove(t)
  return table.concat(t, ",", 1, 10), table.unpack(t, 1, 3)
end)

part(function()
  local ok, err = pcall(error, {code = 1})
  local ok2, err2 = pcall(function() local x = nil; return x.y end)
  local ok3 = xpcall(function() error("boom") end, debug and debug.traceback or print)
  return ok, err, ok2, err2, ok3
end)

part(function()
  local f = load("local a, b = ... return a * b, 1 // 0.0, 7 % -3, 2^10, 1 << 4, 10 / 4")
  return f(6, 7), tostring(1e15), tostring(0.1), math.floor(3.7), math.max(1, 5, 3), tonumber("0x10")
end)

part(function()
  local co = coroutine.wrap(function(a)
    for i = 1, 10 do a = a + coroutine.yield(i) end
    return a
  end)
  local v = co(0)
  for i = 1, 10 do v = co(i) end
  -- enough switches and creations that the AOT cache records profiles of the hand-off path
  local g = coroutine.create(function() while true do coroutine.yield() end end)
  for i = 1, 20000 do coroutine.resume(g) end
  for i = 1, 5000 do coroutine.resume(coroutine.create(function(x) return coroutine.yield(x) end), i) end
  -- the shapes of typical coroutine programs, long enough for C2 to compile the switch paths
  local create, resume, yield, wrap, status = coroutine.create, coroutine.resume, coroutine.yield, coroutine.wrap, coroutine.status
  local function body(a) local b = yield(a * 2) return a + b end
  local sum = 0
  for i = 1, 30000 do
    local co = create(body)
    local _, x = resume(co, i)
    local _, y = resume(co, x)
    if status(co) == "dead" then sum = sum + x + y end
    local f = wrap(body)
    sum = sum + f(i) + f(1)
  end
  local acc = create(function(a) local s = 0 while true do s = s + a a = yield(s) if a == nil then return s end end end)
  for i = 1, 30000 do local ok, r = resume(acc, i) sum = sum + r end
  for g = 1, 300 do
    for k in wrap(function() for j = 1, 100 do yield(j) end end) do sum = sum + k end
  end
  return v, sum
end)

part(function()
  io.write("")
  return os.time{year = 2020, month = 1, day = 1, hour = 0}, os.clock(), utf8 and utf8.char(228, 8364)
end)

-- Syntax and library paths common in scripts but absent above (each absent class is read
-- from the jar at first use, and the first such read opens the jar): table constructors with
-- [key] fields, break, goto and labels, multiple assignment to fields, upvalues and locals,
-- to-be-closed variables, sorting strings, %g/%e/%.Nf formats, tostring of a table, '..' of
-- numbers and with __concat, string.pack, string.dump, weak tables and finalizers.
part(function()
  local up = 0
  local t = {[1] = "a", ["k"] = 2, [3.5] = true, x = 1, "pos"}
  local s = 0
  for i = 1, 10 do
    if i > 5 then break end
    s = s + i
  end
  do
    local i = 0
    ::again::
    i = i + 1
    if i < 3 then goto again end
  end
  local a, b
  a, t.x, up, b = 1, 2, 3, 4
  t[a], t[b] = t[b], t[a]
  local names = {"pear", "apple", "fig", "kiwi", "plum"}
  table.sort(names)
  table.sort(names, function(x, y) return x > y end)
  do
    local c <close> = setmetatable({}, {__close = function() s = s + 1 end})
  end
  local f = string.format("%g %e %.3f %10.4g %-5s|%5d %.20f %.17g", 1.5, 12345.678, 2 / 3, 1e20, "ab", 42, 0.1, 0.1)
  -- a table's or function's address (tostring, print) and the slow path of '..' (numbers, __concat)
  local cat = setmetatable({}, {__concat = function(x, y) return "cat" end})
  f = f .. tostring({}) .. tostring(print) .. 1 .. 2.5 .. (cat .. "x") .. ("y" .. cat)
  local p = string.pack("i4 d s1", 7, 1.25, "xy")
  local d = string.dump(function(x) return x + 1 end)
  local w = setmetatable({}, {__mode = "k", __gc = function() end})
  w[{}] = 1
  collectgarbage()
  return s, up, b, names[1], f, #p, string.unpack("i4 d s1", p), #d, load(d)(1), collectgarbage("count") > 0
end)
