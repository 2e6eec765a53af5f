-- conform_suite (part D): next, pairs, ipairs, #, table library errors, raw access, keys, self-checking.
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
local function here(d) return "d_nextvar.lua:" .. debug.getinfo(2, "l").currentline + (d or 0) .. ": " end

T("next", function()
  is(next({}), nil)
  local k, v = next({10})
  is(k, 1); is(v, 10)
  local t = {a = 1, b = 2, 3, 4, [1.5] = 5, [true] = 6}
  local n, seen = 0, {}
  for k, v in next, t do n = n + 1; seen[k] = v end
  is(n, 6); is(seen[1.5], 5); is(seen[true], 6)
  is(next(t, nil) ~= nil, true)
  local m = E(next, t, "nokey"); is(m, "invalid key to 'next'")
  m = E(next); is(m, "bad argument #1 to 'next' (table expected, got no value)")
  m = E(next, 1); is(m, "bad argument #1 to 'next' (table expected, got number)")
  -- clearing fields during traversal is allowed
  local big = {}
  for i = 1, 100 do big["k" .. i] = i end
  for k in pairs(big) do big[k] = nil end
  is(next(big), nil)
  -- a float key with an integer value is the integer key
  local f = {}
  f[2.0] = "two"; f[2^53] = "big"
  is(f[2], "two"); is(math.type(next(f, nil)), "integer")
  is(f[math.tointeger(2^53)], "big")
end)

T("pairs and __pairs", function()
  local t = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
  local n = 0
  for k, v in pairs(t) do n = n + 1; is(k, 1); is(v, "one") end
  is(n, 1)
  local r = table.pack(pairs(t))
  is(r.n, 3)
  local log = {}
  local p = setmetatable({}, {__pairs = function(t) return next, {5, 6}, nil, "extra" end})
  r = table.pack(pairs(p))
  is(r.n, 3)
  for k, v in pairs(p) do log[#log + 1] = v end
  is(table.concat(log, ","), "5,6")
  local m = E(pairs); is(m, "bad argument #1 to 'pairs' (value expected)")
  is(select('#', pairs(nil)), 3)   -- no check until next runs
  m = E(function() for k in pairs(nil) do end end); assert(m:find("bad argument #1 to 'for iterator' %(table expected, got nil%)"), m)
  -- __pairs is honoured even when __index is a table
  local q = setmetatable({}, {__index = {a = 1}})
  n = 0
  for _ in pairs(q) do n = n + 1 end
  is(n, 0)
  -- pairs on a non-table with __pairs
  local u = setmetatable({}, {__pairs = function() return function() return nil end end})
  for _ in pairs(u) do error("no") end
end)

T("ipairs", function()
  local t = {1, 2, nil, 4}
  local n = 0
  for i, v in ipairs(t) do n = i end
  is(n, 2)
  local p = setmetatable({}, {__index = function(_, i) if i <= 5 then return i * i end end})
  local s = 0
  for i, v in ipairs(p) do s = s + v end
  is(s, 55)
  local r = table.pack(ipairs({}))
  is(r.n, 3); is(r[3], 0)
  local m = E(ipairs); is(m, "bad argument #1 to 'ipairs' (value expected)")
  n = 0
  for i, c in ipairs("abc") do n = n + 1 end   -- a string: ("abc")[1] is nil
  is(n, 0)
  m = E(function() for i in ipairs(5) do end end); assert(m:find("attempt to index a number value"), m)
  -- ipairs ignores __len and stops at the first nil
  local q = setmetatable({1, 2, 3}, {__len = function() return 1 end})
  n = 0
  for _ in ipairs(q) do n = n + 1 end
  is(n, 3)
  -- ipairs does not use __pairs
  q = setmetatable({7}, {__pairs = function() error("not called") end})
  for _, v in ipairs(q) do is(v, 7) end
  -- __index table chain
  q = setmetatable({}, {__index = {1, 2, 3}})
  n = 0
  for _ in ipairs(q) do n = n + 1 end
  is(n, 3)
end)

T("length", function()
  is(#{}, 0); is(#{1, 2, 3}, 3); is(#{n = 1}, 0); is(#"", 0); is(#"\0\0", 2)
  local t = {}
  for i = 1, 1000 do t[i] = i end
  is(#t, 1000)
  for i = 1000, 501, -1 do t[i] = nil end
  is(#t, 500)
  local b = {1, 2, 3, nil}
  is(#b, 3)
  local l = setmetatable({}, {__len = function() return "x" end})
  is(#l, "x")
  is(rawlen(l), 0); is(rawlen("abc"), 3)
  local m = E(rawlen, 5); is(m, "bad argument #1 to 'rawlen' (table or string expected, got number)")
  m = E(function() local x = 5; return #x end); is(m, here(0) .. "attempt to get length of a number value (local 'x')")
  m = E(function() return #nil end); assert(m:find("attempt to get length of a nil value"), m)
  t = {}
  t[1] = 1; t[2] = 2; t[4] = 4
  assert(#t == 2 or #t == 4)
  t = {n = 3, [1] = "a", [2] = "b", [3] = "c"}
  is(#t, 3)
end)

T("table.insert and remove", function()
  local t = {}
  table.insert(t, "a"); table.insert(t, 1, "b"); table.insert(t, #t + 1, "c")
  is(table.concat(t, ","), "b,a,c")
  local m = E(table.insert, t, 0, "x"); is(m, "bad argument #2 to 'table.insert' (position out of bounds)")
  m = E(table.insert, t, 5, "x"); is(m, "bad argument #2 to 'table.insert' (position out of bounds)")
  m = E(table.insert, t, 1, 2, 3); is(m, "wrong number of arguments to 'insert'")
  m = E(table.insert, t); is(m, "wrong number of arguments to 'insert'")
  m = E(table.insert, nil, 1); is(m, "bad argument #1 to 'table.insert' (table expected, got nil)")
  m = E(table.insert, t, "x", 1); is(m, "bad argument #2 to 'table.insert' (number expected, got string)")
  m = E(table.insert, t, 1.5, 1); is(m, "bad argument #2 to 'table.insert' (number has no integer representation)")
  table.insert(t, "2", "d")
  is(table.concat(t, ","), "b,d,a,c")
  is(table.remove(t), "c"); is(table.remove(t, 1), "b"); is(table.concat(t, ","), "d,a")
  is(table.remove({}), nil); is(table.remove({}, 0), nil); is(table.remove({}, 1), nil)
  local z = {[0] = "zero"}
  is(table.remove(z, 0), "zero"); is(z[0], nil)
  m = E(table.remove, {}, 2); is(m, "bad argument #1 to 'table.remove' (position out of bounds)")
  m = E(table.remove, {1}, 3); is(m, "bad argument #1 to 'table.remove' (position out of bounds)")
  is(table.remove({1}, 2), nil)   -- #t + 1 is allowed
  m = E(table.remove, {1}, -1); is(m, "bad argument #1 to 'table.remove' (position out of bounds)")
  -- honours __index/__newindex/__len
  local log = {}
  local p = setmetatable({}, {__len = function() return 2 end, __index = function(_, k) return "v" .. k end,
    __newindex = function(_, k, v) log[#log + 1] = k .. "=" .. tostring(v) end})
  table.insert(p, "x")
  is(table.concat(log, " "), "3=x")
  log = {}
  is(table.remove(p, 1), "v1")
  is(table.concat(log, " "), "1=v2 2=nil")
end)

T("table.concat", function()
  is(table.concat({}), ""); is(table.concat({1, 2, 3}), "123"); is(table.concat({1, 2.5, "x"}, "-"), "1-2.5-x")
  is(table.concat({1, 2, 3}, ",", 2), "2,3"); is(table.concat({1, 2, 3}, ",", 2, 2), "2"); is(table.concat({1, 2, 3}, ",", 3, 2), "")
  local m = E(table.concat, {{}}); is(m, "invalid value (table) at index 1 in table for 'concat'")
  m = E(table.concat, {1, 2, nil, 4}, ",", 1, 4); is(m, "invalid value (nil) at index 3 in table for 'concat'")
  m = E(table.concat, {true}); is(m, "invalid value (boolean) at index 1 in table for 'concat'")
  m = E(table.concat, {}, ",", 1, 2); is(m, "invalid value (nil) at index 1 in table for 'concat'")
  m = E(table.concat, {}, {}); is(m, "bad argument #2 to 'table.concat' (string expected, got table)")
  m = E(table.concat, 1); is(m, "bad argument #1 to 'table.concat' (table expected, got number)")
  is(table.concat({"a", "b"}, 3), "a3b")
  is(table.concat({[math.maxinteger] = "x"}, "", math.maxinteger, math.maxinteger), "x")
  local p = setmetatable({}, {__index = function(_, i) return "<" .. i .. ">" end, __len = function() return 2 end})
  is(table.concat(p), "<1><2>")
end)

T("raw functions", function()
  local mt = {__index = function() return "meta" end, __newindex = function() error("no") end, __eq = function() return true end}
  local a, b = setmetatable({}, mt), setmetatable({}, mt)
  is(a.x, "meta"); is(rawget(a, "x"), nil)
  rawset(a, "x", 1); is(a.x, 1)
  assert(a == b and not rawequal(a, b) and rawequal(a, a))
  is(rawequal(1, 1.0), true); is(rawequal("a", "a"), true); is(rawequal({}, {}), false)
  local m = E(rawget, 1, 1); is(m, "bad argument #1 to 'rawget' (table expected, got number)")
  m = E(rawget, {}); is(m, "bad argument #2 to 'rawget' (value expected)")
  m = E(rawset, {}, 1); is(m, "bad argument #3 to 'rawset' (value expected)")
  m = E(rawset, {}, nil, 1); is(m, "table index is nil")
  m = E(rawset, {}, 0/0, 1); is(m, "table index is NaN")
  m = E(rawset, "x", 1, 1); is(m, "bad argument #1 to 'rawset' (table expected, got string)")
  m = E(rawequal, 1); is(m, "bad argument #2 to 'rawequal' (value expected)")
  m = E(rawlen); is(m, "bad argument #1 to 'rawlen' (table or string expected, got no value)")
  is(rawset(a, "y", 2), a)
  is(rawget(a, "y"), 2)
  is(select('#', rawget({}, 1)), 1)
end)

T("keys", function()
  local t = {}
  local m = E(function() t[nil] = 1 end); is(m, here(0) .. "table index is nil")
  m = E(function() t[0/0] = 1 end); is(m, here(0) .. "table index is NaN")
  is(t[nil], nil); is(t[0/0], nil)
  t[1] = "int"; is(t[1.0], "int")
  t[-0.0] = "zero"; is(t[0], "zero")
  t[2^63] = "f"; is(t[2^63], "f"); is(t[math.mininteger], nil)
  t[-2^63] = "m"; is(t[math.mininteger], "m")
  t[1e100] = "huge"; is(t[1e100], "huge")
  t[math.huge] = "inf"; is(t[1/0], "inf")
  t[0.5] = "half"; is(t[1/2], "half")
  local k = {}
  t[k] = "tab"; is(t[k], "tab"); is(t[{}], nil)
  t[print] = "fn"; is(t[print], "fn")
  t[true] = "t"; t[false] = "f"; is(t[true], "t"); is(t[false], "f")
  t["1"] = "s"; is(t[1], "int"); is(t["1"], "s")
  local c = {[1] = "a", [1.0] = "b"}
  is(c[1], "b")
  local d = {10, 20, [2] = "x"}
  is(d[2], 20)   -- positional fields are stored after
  local nt = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v) end})
  m = E(function() nt[nil] = 1 end); assert(m:find("table index is nil"), m)
  m = E(function() local x = {[nil] = 1} end); assert(m:find("table index is nil"), m)
  m = E(function() local x = {[0/0] = 1} end); assert(m:find("table index is NaN"), m)
end)

T("large tables", function()
  local t = {}
  for i = 1, 100000 do t[i] = i end
  is(#t, 100000)
  local s = 0
  for i, v in ipairs(t) do s = s + v end
  is(s, 100000 * 100001 // 2)
  local h = {}
  for i = 1, 50000 do h["k" .. i] = i end
  local n = 0
  for k, v in pairs(h) do n = n + 1 end
  is(n, 50000)
  for i = 1, 50000, 2 do h["k" .. i] = nil end
  n = 0
  for k, v in pairs(h) do n = n + 1 end
  is(n, 25000)
  local f = {}
  for i = 1, 1000 do f[i + 0.5] = i end
  n = 0
  for k, v in pairs(f) do n = n + 1; assert(k == v + 0.5) end
  is(n, 1000)
  local neg = {}
  for i = -100, 100 do neg[i] = i end
  is(#neg, 100)
  n = 0
  for k in pairs(neg) do n = n + 1 end
  is(n, 201)
  local big = table.move(t, 1, 100000, 1, {})
  is(#big, 100000)
end)

T("table.move", function()
  local t = table.move({1, 2, 3}, 1, 3, 2)
  is(table.concat(t, ","), "1,1,2,3")
  t = table.move({1, 2, 3}, 2, 3, 1)
  is(table.concat(t, ","), "2,3,3")
  local m = E(table.move, {}, 1, math.maxinteger, 2); is(m, "bad argument #4 to 'table.move' (destination wrap around)")
  m = E(table.move, {}, -1, math.maxinteger, 2); is(m, "bad argument #3 to 'table.move' (too many elements to move)")
  is(table.move({1}, 1, 1, math.maxinteger)[math.maxinteger], 1)
  m = E(table.move, {1, 2}, 1, 2, math.maxinteger); is(m, "bad argument #4 to 'table.move' (destination wrap around)")
  m = E(table.move, {}, 1, 2); is(m, "bad argument #4 to 'table.move' (number expected, got no value)")
  is(#table.move({}, 1, 0, 1), 0)
  m = E(table.move, {}, 1, 1, 1, 5); is(m, "bad argument #5 to 'table.move' (table expected, got number)")
end)

if failed > 0 then error(failed .. " failed") end
print("done")
