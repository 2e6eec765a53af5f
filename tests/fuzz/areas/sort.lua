local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); P(name, table.unpack(r, 1, r.n)) end
P(table.unpack({1, 2, 3}), table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 5), table.unpack({}, 1, 0), table.unpack({1}, -1, 1))
T("unpack too many", table.unpack, {}, 1, 1e7)
T("unpack max", table.unpack, {}, math.maxinteger - 1, math.maxinteger)
T("unpack min", table.unpack, {}, math.mininteger, math.mininteger + 1)
P(table.pack().n, table.pack(nil).n, table.pack(1, nil, 3).n)
P(table.concat({1, 2, 3}), table.concat({1, 2, 3}, ", "), table.concat({1, 2, 3}, ", ", 2), table.concat({1, 2, 3}, ", ", 2, 1), table.concat({1, 2.5, "x"}, "-"))
T("concat nil", table.concat, {1, nil, 3}, ",", 1, 3)
T("concat bool", table.concat, {true})
local t = {1, 2, 3}; table.insert(t, 4); table.insert(t, 1, 0); P(table.concat(t, ","))
T("insert pos 0", table.insert, {1, 2}, 0, 9)
T("insert pos far", table.insert, {1, 2}, 4, 9)
P(pcall(table.insert, {1, 2}, 3, 9))
T("insert args", table.insert, {}, 1, 2, 3)
T("insert noargs", table.insert, {})
t = {1, 2, 3}; P(table.remove(t), table.concat(t, ","), table.remove(t, 1), table.concat(t, ","), table.remove({}), table.remove({}, 0), #t)
T("remove bad pos", table.remove, {1, 2, 3}, 7)
P(table.remove({1, 2, 3}, 4), table.remove({[0] = "z"}, 0))
P(table.concat(table.move({1, 2, 3}, 1, 3, 2), ","), table.concat(table.move({1, 2, 3}, 2, 3, 1), ","), table.concat(table.move({1, 2, 3}, 1, 3, 1, {}), ","))
T("move overflow", table.move, {}, 1, math.maxinteger, 2)
T("move neg", table.move, {}, -1, math.maxinteger, 2)
T("move dest overflow", table.move, {1}, 1, 1, math.maxinteger)
-- sort
local function chk(a, f) for i = 2, #a do if f then assert(not f(a[i], a[i-1])) else assert(not (a[i] < a[i-1])) end end return true end
math.randomseed(1)
local big = {} for i = 1, 50000 do big[i] = math.random(1, 100000) end
table.sort(big); P("sorted 50000", chk(big))
table.sort(big, function(a, b) return a > b end); P("sorted desc", chk(big, function(a, b) return a > b end))
local s = {} for i = 1, 30000 do s[i] = tostring(math.random(1e6)) end table.sort(s); P("strings", chk(s))
local f = {} for i = 1, 30000 do f[i] = math.random() end table.sort(f); P("floats", chk(f))
local same = {} for i = 1, 10000 do same[i] = 5 end table.sort(same); P("same")
local sorted = {} for i = 1, 30000 do sorted[i] = i end table.sort(sorted); table.sort(sorted, function(a, b) return a > b end); P("rev", sorted[1])
T("sort invalid order", table.sort, {5, 3, 1, 4, 2, 8, 7, 6, 9, 10, 11, 12, 13, 14, 15, 16}, function(a, b) return true end)
T("sort mixed", table.sort, {1, "x", 2})
T("sort nil hole", table.sort, {1, nil, 3})
T("sort bad cmp", table.sort, {1, 2}, 3)
T("sort too big", function() local mt = setmetatable({}, {__len = function() return math.maxinteger end}) table.sort(mt) end)
local mixed = {3, 1.5, 2, -1, 2^53, math.mininteger}; table.sort(mixed); P(table.concat(mixed, " "))
-- sort with metamethods
local objs = {} local mt = {__lt = function(a, b) return a.v < b.v end}
for i = 1, 100 do objs[i] = setmetatable({v = (i * 37) % 101}, mt) end table.sort(objs); P(objs[1].v, objs[100].v)
-- sort via __index/__newindex proxy
local store = {5, 2, 8, 1}
local proxy = setmetatable({}, {__index = store, __newindex = store, __len = function() return #store end})
table.sort(proxy); P(table.concat(store, ","))
-- unpack via __index
local up = setmetatable({}, {__index = function(_, k) return k * 10 end})
P(table.unpack(up, 1, 3))
P(table.concat(setmetatable({}, {__index = function(_, k) return "v" .. k end, __len = function() return 3 end}), ","))
-- insert/remove with __len
P(#setmetatable({}, {__len = function() return 42 end}))
-- sort stability-ish check with comparator erroring
T("sort cmp error", table.sort, {3, 2, 1}, function(a, b) error("cmp") end)
-- sort of 1 element with bad comparator never calls it
P(pcall(table.sort, {1}, function() error("x") end))
-- time: sort a big array many times
local t0 = os.clock()
for rep = 1, 5 do local a = {} for i = 1, 20000 do a[i] = (i * 7919) % 20011 end table.sort(a, function(x, y) return x < y end) end
P("rep sorts done")
