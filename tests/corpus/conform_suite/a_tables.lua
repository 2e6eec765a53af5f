-- conform_suite: tables and the table library: next/pairs, borders, insert/
-- remove positions, move with overlaps and metamethods, concat errors,
-- unpack ranges, sort with bad comparators and __lt, select, varargs
-- (written from the manual)
local fails, groups = 0, 0
local function T(name, f)
  groups = groups + 1
  local ok, e = pcall(f)
  if not ok then fails = fails + 1; print("FAIL " .. name .. ": " .. tostring(e)) end
end
local function eq(a, b)
  if a ~= b or math.type(a) ~= math.type(b) then
    error(string.format("%s ~= %s", tostring(a), tostring(b)), 2)
  end
end
local function L(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) end return table.concat(t, ",") end
local function err(pat, f, ...)
  local ok, e = pcall(f, ...)
  if ok then error("no error, expected " .. pat, 2) end
  if not string.find(tostring(e), pat, 1, true) then error("message " .. tostring(e) .. " lacks " .. pat, 2) end
end

T("next and pairs", function()
  local t = {1, 2, 3, x = 1, y = 2, [1.5] = 3, [true] = 4}
  local n, seen = 0, {}
  for k, v in pairs(t) do n = n + 1; assert(not seen[k]); seen[k] = true; assert(t[k] == v) end
  eq(n, 7); eq(next({}), nil); eq(L(next({10})), "1,10"); eq(next({10}, 1), nil)
  err("invalid key to 'next'", next, {1}, 2); err("bad argument #1 to 'next' (table expected, got no value)", function() return next() end)
  local k = next(t); while k do t[k] = nil; k = next(t, k) end; eq(next(t), nil)
  local u = {}; for i = 1, 100 do u[i] = i; u["k" .. i] = i end; local cnt = 0
  for key in pairs(u) do u[key] = nil; cnt = cnt + 1 end; eq(cnt, 200); eq(next(u), nil)
  local mt = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
  local r = {}; for k, v in pairs(mt) do r[#r + 1] = k .. v end; eq(table.concat(r), "1one")
  err("bad argument #1 to 'for iterator' (table expected, got nil)", function() for k in next, nil do end end)
  local ip = {}; for i, v in ipairs({1, 2, nil, 4}) do ip[#ip + 1] = i end; eq(#ip, 2)
  local px = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
  local s = 0; for i, v in ipairs(px) do s = s + v end; eq(s, 60)
end)

T("borders", function()
  eq(#{}, 0); eq(#{1, 2, 3}, 3); eq(#{nil}, 0); eq(#{n = 1}, 0)
  local t = {1, 2, 3, nil, 5}; local b = #t; assert(b == 3 or b == 5)
  t = {}; t[1] = 1; t[2] = 2; t[4] = 4; b = #t; assert(b == 2 or b == 4)
  t = {10, 20, 30}; t[#t] = nil; eq(#t, 2); t[#t + 1] = 1; eq(#t, 3)
  t = setmetatable({}, {__len = function() return 42 end}); eq(#t, 42); eq(rawlen(t), 0)
  t = setmetatable({}, {__len = function() return "x" end}); eq(#t, "x")
  eq(rawlen({1, 2}), 2); eq(rawlen("abc"), 3); err("table or string expected", rawlen, 5)
  t = {}; for i = 1, 1000 do t[i] = i end; for i = 1000, 501, -1 do t[i] = nil end; eq(#t, 500)
  t = {n = 1, [1] = "a", [2] = "b"}; eq(#t, 2)
end)

T("insert", function()
  local t = {1, 2, 3}
  table.insert(t, 4); eq(L(table.unpack(t)), "1,2,3,4"); table.insert(t, 1, 0); eq(L(table.unpack(t)), "0,1,2,3,4")
  table.insert(t, 6, 5); eq(#t, 6); table.insert(t, 3, "x"); eq(t[3], "x"); eq(#t, 7)
  err("bad argument #2 to 'insert' (position out of bounds)", function() table.insert(t, 9, 1) end)
  err("bad argument #2 to 'insert' (position out of bounds)", function() table.insert(t, 0, 1) end)
  err("bad argument #2 to 'insert' (position out of bounds)", function() table.insert(t, -1, 1) end)
  err("wrong number of arguments to 'insert'", function() table.insert(t, 1, 2, 3) end)
  err("wrong number of arguments to 'insert'", function() table.insert(t) end)
  err("bad argument #1 to 'insert' (table expected, got nil)", function() table.insert(nil, 1) end)
  err("bad argument #2 to 'insert' (number expected, got string)", function() table.insert(t, "a", 1) end)
  err("number has no integer representation", function() table.insert(t, 1.5, 1) end)
  local e = {}; table.insert(e, 1, "a"); eq(e[1], "a"); table.insert(e, nil); eq(#e, 1)
  local log = {}
  local p = setmetatable({}, {__len = function() return 2 end, __index = function(_, k) log[#log + 1] = "r" .. k; return k end,
    __newindex = function(_, k, v) log[#log + 1] = "w" .. k .. "=" .. tostring(v) end})
  table.insert(p, 1, "z"); eq(table.concat(log, " "), "r2 w3=2 r1 w2=1 w1=z")
  log = {}; table.insert(p, "q"); eq(table.concat(log, " "), "w3=q")
end)

T("remove", function()
  local t = {1, 2, 3}
  eq(table.remove(t), 3); eq(#t, 2); eq(table.remove(t, 1), 1); eq(t[1], 2); eq(table.remove({}), nil)
  eq(table.remove({}, 0), nil); eq(table.remove({}, 1), nil); eq(table.remove({1}, 2), nil)
  err("bad argument #1 to 'remove' (position out of bounds)", function() table.remove({1}, 3) end)
  err("bad argument #1 to 'remove' (position out of bounds)", function() table.remove({}, -1) end)
  err("bad argument #1 to 'remove' (position out of bounds)", function() table.remove({1, 2}, 0) end)
  local z = {[0] = "zero"}; eq(table.remove(z, 0), "zero"); eq(z[0], nil)
  t = {1, 2, 3}; eq(table.remove(t, #t + 1), nil); eq(#t, 3)
  local n = {n = 1}; eq(table.remove(n), nil)
  local log = {}
  local p = setmetatable({}, {__len = function() return 3 end, __index = function(_, k) log[#log + 1] = "r" .. k; return k end,
    __newindex = function(_, k, v) log[#log + 1] = "w" .. k .. "=" .. tostring(v) end})
  eq(table.remove(p, 1), 1); eq(table.concat(log, " "), "r1 r2 w1=2 r3 w2=3 w3=nil")
end)

T("move", function()
  local t = {1, 2, 3, 4, 5}
  table.move(t, 1, 3, 2); eq(L(table.unpack(t)), "1,1,2,3,5"); t = {1, 2, 3, 4, 5}; table.move(t, 2, 5, 1); eq(L(table.unpack(t)), "2,3,4,5,5")
  t = {1, 2, 3}; local r = table.move(t, 1, 3, 1, {}); eq(L(table.unpack(r)), "1,2,3"); eq(table.move(t, 1, 0, 5), t)
  t = {1, 2, 3}; table.move(t, 1, 3, 3); eq(L(table.unpack(t)), "1,2,1,2,3"); t = {}; table.move({1, 2}, 1, 2, -1, t); eq(t[-1], 1); eq(t[0], 2)
  err("too many elements to move", table.move, {}, 0, math.maxinteger, 2)
  err("destination wrap around", table.move, {}, 1, math.maxinteger, 2); err("destination wrap around", table.move, {1, 2}, 1, 2, math.maxinteger)
  local w = table.move({7}, 1, 1, math.maxinteger, {}); eq(w[math.maxinteger], 7)
  err("bad argument #3 to 'move' (too many elements to move)", function() table.move({}, -1, math.maxinteger, 1) end)
  eq(#table.move({1, 2, 3}, 1, 3, math.maxinteger - 2, {}), 0)
  err("bad argument #5 to 'move' (table expected, got number)", function() table.move({}, 1, 1, 1, 5) end)
  local log = {}
  local src = setmetatable({}, {__index = function(_, k) log[#log + 1] = "r" .. k; return k * 10 end})
  local dst = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = "w" .. k; rawset(t, k, v) end})
  table.move(src, 1, 3, 2, dst); eq(table.concat(log, " "), "r1 w2 r2 w3 r3 w4"); eq(dst[2], 10)
  log = {}; table.move(src, 1, 2, 1, dst); eq(table.concat(log, " "), "r1 w1 r2")
  log = {}; local same = setmetatable({}, {__index = function(_, k) log[#log + 1] = "r" .. k; return k end,
    __newindex = function(_, k, v) log[#log + 1] = "w" .. k end})
  table.move(same, 1, 3, 2); eq(table.concat(log, " "), "r3 w4 r2 w3 r1 w2")
  log = {}; table.move(same, 2, 3, 1); eq(table.concat(log, " "), "r2 w1 r3 w2")
  log = {}; local dst2 = setmetatable({}, getmetatable(dst)); table.move(src, 2, 3, 1, dst2); eq(table.concat(log, " "), "r2 w1 r3 w2")
end)

T("concat", function()
  eq(table.concat({1, 2, 3}), "123"); eq(table.concat({1, 2, 3}, ", "), "1, 2, 3"); eq(table.concat({1, 2, 3}, "-", 2), "2-3")
  eq(table.concat({1, 2, 3}, "-", 2, 2), "2"); eq(table.concat({1, 2, 3}, "-", 3, 2), ""); eq(table.concat({}), "")
  eq(table.concat({1.5, 2.0, "x"}), "1.52.0x"); eq(table.concat({"a", "b"}, 3), "a3b")
  -- lua5.4.4 words it so (5.4.6 says "invalid value (at index 1) in table for 'concat'")
  err("invalid value (table) at index 1 in table for 'concat'", table.concat, {{}})
  err("invalid value (boolean) at index 2 in table for 'concat'", table.concat, {1, true})
  err("invalid value (nil) at index 3 in table for 'concat'", table.concat, {1, 2}, "", 1, 3)
  err("invalid value (nil) at index 0 in table for 'concat'", table.concat, {1}, "", 0)
  err("bad argument #2 to 'concat' (string expected, got table)", function() return table.concat({}, {}) end)
  err("bad argument #1 to 'concat' (table expected, got no value)", function() return table.concat() end)
  local p = setmetatable({}, {__index = function(_, k) return "v" .. k end, __len = function() return 3 end})
  eq(table.concat(p, ","), "v1,v2,v3")
  eq(table.concat({"a", "b", "c"}, "", math.maxinteger, math.maxinteger - 1), "")
  err("invalid value (nil) at index 9223372036854775807 in table for 'concat'", table.concat, {}, "", math.maxinteger, math.maxinteger)
end)

T("unpack", function()
  eq(L(table.unpack({1, 2, 3})), "1,2,3"); eq(L(table.unpack({1, 2, 3}, 2)), "2,3"); eq(L(table.unpack({1, 2, 3}, 2, 2)), "2")
  eq(select("#", table.unpack({1, 2, 3}, 3, 2)), 0); eq(L(table.unpack({1, 2}, 0, 3)), "nil,1,2,nil"); eq(L(table.unpack({}, -1, 0)), "nil,nil")
  eq(select("#", table.unpack({}, math.maxinteger, math.maxinteger)), 1); eq(select("#", table.unpack({}, math.mininteger, math.mininteger)), 1)
  err("too many results to unpack", table.unpack, {}, 1, 1e7); err("too many results to unpack", table.unpack, {}, math.mininteger, math.maxinteger)
  err("too many results to unpack", table.unpack, {}, 0, math.maxinteger)
  local p = setmetatable({}, {__index = function(_, k) return k end}); eq(L(table.unpack(p, 1, 3)), "1,2,3")
  local q = setmetatable({}, {__len = function() return 2 end, __index = function(_, k) return k * 2 end}); eq(L(table.unpack(q)), "2,4")
  eq(L(table.unpack({1, 2, 3}, "2", "3")), "2,3"); err("number has no integer representation", table.unpack, {}, 1.5)
  local pk = table.pack(); eq(pk.n, 0); pk = table.pack(nil, nil); eq(pk.n, 2); eq(#table.pack(1, 2, 3), 3)
end)

T("sort", function()
  local t = {5, 2, 8, 1, 9, 3}; table.sort(t); eq(table.concat(t, ","), "1,2,3,5,8,9")
  table.sort(t, function(a, b) return a > b end); eq(table.concat(t, ","), "9,8,5,3,2,1")
  t = {"b", "a", "C"}; table.sort(t); eq(table.concat(t), "Cab")
  local ok, e = pcall(table.sort, {1, "a", 2}); eq(ok, false); assert(e:find("attempt to compare %a+ with %a+"))
  err("attempt to compare two table values", table.sort, {{}, {}})
  err("invalid order function for sorting", table.sort, {5, 4, 3, 2, 1, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, function(a, b) return true end)
  local mt = {__lt = function(a, b) return a.v < b.v end}
  local objs = {}; for i, v in ipairs{3, 1, 2} do objs[i] = setmetatable({v = v}, mt) end
  table.sort(objs); eq(objs[1].v .. objs[2].v .. objs[3].v, "123")
  err("bad argument #2 to 'sort' (function expected, got number)", function() table.sort({1, 2}, 1) end)
  table.sort({}); table.sort({1}); table.sort({2, 1}, nil)
  local big = {}; for i = 1, 500 do big[i] = (i * 7919) % 500 end; table.sort(big); for i = 2, 500 do assert(big[i - 1] <= big[i]) end
  local log = {}
  local p = setmetatable({}, {__len = function() return 3 end, __index = function(_, k) return ({30, 10, 20})[k] end,
    __newindex = function(_, k, v) log[#log + 1] = k .. "=" .. v end})
  table.sort(p); eq(#log > 0, true)
  err("array too big", table.sort, setmetatable({}, {__len = function() return math.maxinteger end}))
  t = {3, 2, 1}; table.sort(t, function(a, b) return a < b end); eq(t[1], 1)
end)

T("select and varargs", function()
  eq(select("#"), 0); eq(select("#", nil, nil), 2); eq(select(2, "a", "b", "c"), "b"); eq(L(select(-1, "a", "b", "c")), "c")
  eq(L(select(-3, "a", "b", "c")), "a,b,c"); eq(select("#", select(4, "a", "b", "c")), 0); eq(L(select(2.0, "a", "b")), "b")
  err("bad argument #1 to 'select' (index out of range)", select, -4, "a", "b", "c")
  err("bad argument #1 to 'select' (index out of range)", select, 0, "a")
  err("bad argument #1 to 'select' (number expected, got string)", select, "x", "a")
  err("bad argument #1 to 'select' (number expected, got no value)", select)
  eq(L(select(math.maxinteger, 1)), ""); err("index out of range", select, math.mininteger, 1)
  local function f(...) return {...}, select("#", ...), {n = select("#", ...), ...} end
  local a, n, b = f(1, nil, 3, nil); eq(n, 4); eq(b.n, 4); eq(b[3], 3); eq(a[3], 3)
  local function g(...) return ... end
  local t = {g(1, 2), g(1, 2)}; eq(#t, 3); t = {g(1, 2), (g(1, 2))}; eq(#t, 2); t = {(g())}; eq(select("#", table.unpack(t, 1, 1)), 1)
  t = {g()}; eq(#t, 0); t = {g(nil, nil, 3)}; eq(t[3], 3)
  local function h(...) local a, b = ... return a, b end; eq(L(h(1)), "1,nil"); eq(L(h(1, 2, 3)), "1,2")
  local function cnt(...) return select("#", ...) end; eq(cnt(g(nil, nil)), 2); eq(cnt(g(nil, nil), 1), 2); eq(cnt((g(nil, nil))), 1)
  local big = {}; for i = 1, 250 do big[i] = i end; eq(cnt(table.unpack(big)), 250)
end)

T("table functions honour metamethods", function()
  local store = {}
  local p = setmetatable({}, {__index = store, __newindex = store, __len = function() return #store end})
  table.insert(p, "a"); table.insert(p, "b"); table.insert(p, 1, "c"); eq(table.concat(store, ","), "c,a,b"); eq(rawlen(p), 0)
  eq(table.remove(p), "b"); eq(table.concat(p, ","), "c,a"); table.sort(p); eq(table.concat(store, ","), "a,c")
  eq(L(table.unpack(p)), "a,c"); table.move(p, 1, 2, 3); eq(table.concat(store, ","), "a,c,a,c")
  err("attempt to index a number value", function() table.insert(setmetatable({}, {__len = function() return 1 end, __index = 5}), 1, 0) end)
  err("object length is not an integer", function() table.insert(setmetatable({}, {__len = function() return 1.5 end}), 1) end)
  err("object length is not an integer", function() table.concat(setmetatable({}, {__len = function() return "x" end})) end)
end)

print(string.format("a_tables: %d groups, %d failed", groups, fails))
assert(fails == 0)
