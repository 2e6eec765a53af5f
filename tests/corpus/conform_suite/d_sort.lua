-- conform_suite (part D): table.sort, self-checking.
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
local function sorted(t, lt)
  for i = 2, #t do
    if lt then assert(not lt(t[i], t[i - 1]), "not sorted at " .. i) else assert(not (t[i] < t[i - 1]), "not sorted at " .. i) end
  end
  return true
end
local function lcg(seed) return function() seed = (seed * 1103515245 + 12345) % 2147483648; return seed end end

T("basic", function()
  local t = {5, 2, 8, 1, 9, 3}
  table.sort(t)
  is(table.concat(t, ","), "1,2,3,5,8,9")
  table.sort(t, function(a, b) return a > b end)
  is(table.concat(t, ","), "9,8,5,3,2,1")
  t = {"b", "a", "C", "", "ab"}
  table.sort(t)
  is(table.concat(t, ","), ",C,a,ab,b")
  t = {3.5, 1, -2, 2^53, math.mininteger, math.huge, -math.huge}
  table.sort(t)
  assert(sorted(t))
  is(t[1], -math.huge); is(t[7], math.huge); is(t[2], math.mininteger)
  t = {}
  table.sort(t)
  t = {1}
  table.sort(t)
  is(t[1], 1)
  t = {2, 1}
  table.sort(t, nil)
  is(t[1], 1)
end)

T("random inputs", function()
  local r = lcg(42)
  for _, n in ipairs{10, 100, 1000, 5000} do
    local t = {}
    for i = 1, n do t[i] = r() % 1000 end
    table.sort(t)
    assert(sorted(t))
    table.sort(t, function(a, b) return a > b end)
    assert(sorted(t, function(a, b) return a > b end))
  end
  local t = {}
  for i = 1, 1000 do t[i] = i end
  table.sort(t); assert(sorted(t))
  table.sort(t, function(a, b) return a > b end); is(t[1], 1000)
  for i = 1, 1000 do t[i] = 7 end
  table.sort(t); assert(sorted(t))
  local s = {}
  for i = 1, 500 do s[i] = tostring(r()) end
  table.sort(s); assert(sorted(s))
end)

T("records and stability not assumed", function()
  local recs = {}
  for i = 1, 200 do recs[i] = {key = i % 7, id = i} end
  table.sort(recs, function(a, b) return a.key < b.key end)
  for i = 2, #recs do assert(recs[i - 1].key <= recs[i].key) end
  local ids = {}
  for i = 1, #recs do ids[recs[i].id] = true end
  for i = 1, 200 do assert(ids[i]) end
end)

T("errors", function()
  local m = E(table.sort, {1, "x"})
  is(m, "attempt to compare string with number")
  m = E(table.sort, {{}, {}})
  is(m, "attempt to compare two table values")
  m = E(table.sort, {1, 2}, 3)
  is(m, "bad argument #2 to 'table.sort' (function expected, got number)")
  m = E(table.sort)
  is(m, "bad argument #1 to 'table.sort' (table expected, got no value)")
  m = E(table.sort, {3, 2, 1}, function(a, b) error("in cmp") end)
  assert(m:find("in cmp$"), m)
  m = E(table.sort, {3, 2, 1}, function(a, b) error({code = 7}) end)
  is(m.code, 7)
  -- an error in the comparator leaves the table with all its elements
  local t = {5, 4, 3, 2, 1}
  local n = 0
  pcall(table.sort, t, function(a, b) n = n + 1; if n > 3 then error("stop") end return a < b end)
  local seen = {}
  for i = 1, 5 do seen[t[i]] = true end
  for i = 1, 5 do assert(seen[i]) end
  m = E(table.sort, setmetatable({}, {__len = function() return math.maxinteger end}))
  is(m, "bad argument #1 to 'table.sort' (array too big)")
  m = E(table.sort, setmetatable({}, {__len = function() return 2^31 end}))
  is(m, "bad argument #1 to 'table.sort' (array too big)")
  m = E(table.sort, setmetatable({}, {__len = function() return "x" end}))
  is(m, "object length is not an integer")
end)

T("invalid order function", function()
  -- a comparator that always says true makes the partition run off the array
  local function try(n, cmp)
    local t = {}
    for i = 1, n do t[i] = i end
    local ok, m = pcall(table.sort, t, cmp)
    return ok, m
  end
  local ok, m = try(10, function(a, b) return true end)
  print("always true, 10:", ok, m)
  ok, m = try(100, function(a, b) return true end)
  print("always true, 100:", ok, m)
  ok, m = try(100, function(a, b) return a <= b end)
  print("<=, 100 distinct:", ok, m)
  local t = {}
  for i = 1, 100 do t[i] = 5 end
  ok, m = pcall(table.sort, t, function(a, b) return a <= b end)
  print("<=, 100 equal:", ok, m)
  ok, m = try(3, function(a, b) return true end)
  print("always true, 3:", ok, m)
end)

T("metamethods", function()
  local mt = {__lt = function(a, b) return a.v < b.v end}
  local t = {}
  for i = 1, 50 do t[i] = setmetatable({v = (i * 37) % 50}, mt) end
  table.sort(t)
  for i = 2, 50 do assert(t[i - 1].v <= t[i].v) end
  -- __index/__newindex/__len are used
  local store = {3, 1, 2}
  local p = setmetatable({}, {__index = store, __newindex = store, __len = function() return #store end})
  table.sort(p)
  is(table.concat(store, ","), "1,2,3")
end)

T("comparator sees only elements", function()
  local t = {3, 1, 2}
  table.sort(t, function(a, b) assert(type(a) == "number" and type(b) == "number"); return a < b end)
  is(table.concat(t), "123")
end)

if failed > 0 then error(failed .. " failed") end
print("done")
