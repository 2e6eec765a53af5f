local function P(...) print(...) end
local function T(name, f, ...) local r = table.pack(pcall(f, ...)); P(name, table.unpack(r, 1, r.n)) end
P(#{}, #{1, 2, 3}, #{1, 2, nil}, #{n = 1}, #{nil}, #{1, nil, 3} >= 1)
local t = {} for i = 1, 100 do t[i] = i end for i = 100, 51, -1 do t[i] = nil end P(#t)
t = {10, 20, 30, x = 1, y = 2}
local keys = {} for k, v in pairs(t) do keys[#keys + 1] = tostring(k) end table.sort(keys) P(table.concat(keys, " "))
P(next({}), next({5}), next({5}, 1), type(next))
T("next bad key", next, {a = 1}, "zz")
T("next nil", next)
-- modifying during traversal: assign nil allowed
t = {} for i = 1, 100 do t["k" .. i] = i end
for k in pairs(t) do t[k] = nil end P(next(t))
-- __pairs
local pp = setmetatable({}, {__pairs = function(s) return function(_, k) if not k then return 1, "one" end end, s, nil end})
for k, v in pairs(pp) do P("pairs mm", k, v) end
local r = table.pack(pairs(setmetatable({}, {__pairs = function() return 1, 2, 3, 4 end}))); P(r.n, r[1], r[2], r[3])
-- ipairs respects __index
local ip = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 2 end end})
for i, v in ipairs(ip) do io.write(i, "=", v, " ") end print()
P(ipairs({}))
-- integer float keys
t = {} t[1] = "a"; t[1.0] = "b"; t[2^53] = "c"; P(t[1], #t, t[2^53])
t[-0.0] = "z"; P(t[0])
-- nan key
T("nan key", function() local x = {} x[0/0] = 1 end)
P(({})[0/0])
T("nil key", rawset, {}, nil, 1)
-- large tables
t = {} for i = 1, 1e6 do t[i] = i end P(#t)
t = {} for i = 1e6, 1, -1 do t[i] = i end P(#t)
local h = {} for i = 1, 2e5 do h["x" .. i] = i end local c = 0 for _ in pairs(h) do c = c + 1 end P(c)
-- table constructors with many items and varargs
local function va(...) return {...} end
P(#va(1, 2, 3, nil), select('#', table.unpack(va(1, 2, 3))))
t = {1, 2, 3, [2] = "x"} P(t[2])
t = {[1] = "a", "b"} P(t[1])
t = {f = 1, ["f"] = 2} P(t.f)
local function mr() return 1, 2, 3 end
t = {mr(), mr()} P(#t)
t = {mr(), (mr())} P(#t)
t = {mr(), mr(), x = 1} P(#t)
-- rawlen, rawequal, rawget
P(rawlen({1, 2}), rawlen("abc"), pcall(rawlen, 5), rawequal("a", "a"), rawequal({}, {}), rawget(setmetatable({}, {__index = function() return 1 end}), "x"))
-- # with border
t = {1, 2, 3, nil, 5} P(#t == 5 or #t == 3)
t = {nil, nil, 3} P(#t == 3 or #t == 0)
-- table.remove shifting with holes
-- next after modification
t = {a = 1, b = 2, c = 3}
local k1 = next(t); t[k1] = nil; P(pcall(next, t, k1))
-- pairs on proxy with __index doesn't use it
local cnt = 0 for k in pairs(setmetatable({}, {__index = {a = 1}})) do cnt = cnt + 1 end P(cnt)
-- # on strings and tables with __len
P(#"abc", #setmetatable({1, 2}, {__len = function() return -1 end}))
T("len returns table", function() return #setmetatable({}, {__len = function() return {} end}) end)
-- numeric for with float accumulations
local s = 0 for i = 1, 3 do s = s + i end P(s)
-- table.pack/unpack big
P(select('#', table.unpack(table.pack(table.unpack({}, 1, 250)), 1, 250)))
-- key with tostring
t = {} t[1.5] = 1 t["1.5"] = 2 P(t[1.5], t["1.5"])
-- table with integer keys beyond array part
t = {} t[math.maxinteger] = 1 t[math.mininteger] = 2 P(t[math.maxinteger], t[math.mininteger], #t)
t = {n = 0} for i = 1, 10 do t[#t + 1] = i end P(#t)
-- next order: array part first
t = {1, 2, 3} local o = {} for k in pairs(t) do o[#o + 1] = k end P(table.concat(o, ","))
