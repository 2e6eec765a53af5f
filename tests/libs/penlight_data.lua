-- debian: lua-penlight
-- Penlight 1.13 (Debian lua-penlight), data structures and functional tools:
-- pl.List, pl.tablex, pl.Set, pl.Map, pl.OrderedMap, pl.MultiMap, pl.array2d,
-- pl.seq, pl.func, pl.comprehension, pl.permute, pl.utils. Hash-keyed results
-- are rendered with sorted keys (show) or sorted before printing.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.where("pl.List")
S.where("pl.tablex")
local check, show = S.check, S.show
local List = require("pl.List")
local tablex = require("pl.tablex")
local Set = require("pl.Set")
local Map = require("pl.Map")
local OrderedMap = require("pl.OrderedMap")
local MultiMap = require("pl.MultiMap")
local array2d = require("pl.array2d")
local seq = require("pl.seq")
local func = require("pl.func")
local comp = require("pl.comprehension")
local permute = require("pl.permute")
local utils = require("pl.utils")
local operator = require("pl.operator")
print(utils._VERSION)

-- List
local l = List { 10, 20, 30 }
l:append(40):extend { 50, 60 }
print("list", tostring(l), #l, l:len())
l:insert(1, 5)
print(tostring(l), l:pop(), l:pop(1), tostring(l))
print(l:index(30), l:contains(20), l:contains(99), l:count(20))
print(tostring(l:slice(2, 3)), tostring(l:slice(-2)), tostring(l:clone():reverse()))
local l2 = List { 5, 3, 9, 1, 7 }
print(tostring(l2:sorted()), tostring(l2:sorted(">")), tostring(l2), tostring(l2:sort()))
print(tostring(l2:map(function(x) return x * 2 end)), tostring(l2:filter(function(x) return x > 4 end)))
print(l2:reduce("+"), l2:reduce(math.max), l2:minmax())
print(tostring(List.range(1, 10, 3)), tostring(List.range(5)), tostring(List.split("a,b,,c", ",")))
print(l2:join("-"), l2:concat("|"), tostring(l2 .. List { 100 }), l2 == List { 1, 3, 5, 7, 9 })
print(tostring(List { 1, 2, 3, 4, 5, 6 }:partition(function(x) return x % 3 end)))
print(tostring(List { "a", "b" }:map2(function(x, y) return x .. y end, List { "1", "2" })))
print(tostring(List { { 1, "a" }, { 2, "b" } }:transform(function(p) return p[2] end)))
local l3 = List { 1, 2, 3, 4, 5 }
l3:chop(2, 3)
print(tostring(l3), tostring(l3:splice(2, { "x", "y" })), tostring(List { 1, 2, 3 }:put(0)))
print(tostring(List { 1, 2, 3 }:remove_value(2)), tostring(List { 3, 1, 2 }:sorted():reverse()))
local it = {}
for v in List { "p", "q" }:iter() do it[#it + 1] = v end
print(table.concat(it))
check("list bad index", function() return List { 1 }:slice_assign(5, 6, { 1 }) end)
-- tablex
local t = { a = 1, b = 2, c = 3 }
print(show(tablex.keys(t):sort()), show(tablex.values(t):sort()), tablex.size(t))
print(show(tablex.copy(t)), show(tablex.deepcopy({ x = { y = { 1 } } })), tablex.deepcompare({ 1, { 2 } }, { 1, { 2 } }))
print(tablex.compare({ 1, 2 }, { 1, 2 }, "=="), tablex.compare_no_order({ 1, 2, 3 }, { 3, 1, 2 }))
print(show(tablex.map(function(v) return v * 10 end, t)), show(tablex.imap(function(v) return v + 1 end, { 1, 2, 3 })))
print(show(tablex.map2("+", { 1, 2 }, { 10, 20 })), show(tablex.mapn(function(a, b, c) return a + b + c end, { 1, 2 }, { 3, 4 }, { 5, 6 })))
print(tablex.reduce("+", { 1, 2, 3, 4 }), tablex.reduce(function(a, b) return a .. b end, { "x", "y" }, ">"))
print(show(tablex.filter({ 1, 2, 3, 4, 5 }, function(v) return v % 2 == 1 end)))
print(show(tablex.zip({ 1, 2 }, { "a", "b" })), show(tablex.index_by({ "a", "b", "c" }, { 3, 1 })))
print(show(tablex.makeset({ "x", "y" })), show(tablex.union({ a = 1 }, { b = 2 })), show(tablex.intersection({ a = 1, b = 2 }, { b = 3 })))
print(show(tablex.difference({ a = 1, b = 2 }, { a = 5 })), show(tablex.difference({ a = 1, b = 2 }, { a = 5, c = 1 }, true)))
print(show(tablex.merge({ a = 1 }, { b = 2 }, true)), show(tablex.update({ a = 1 }, { a = 2, z = 26 })))
print(tablex.find({ "a", "b", "c" }, "b"), tablex.rfind({ "b", "a", "b" }, "b"), tablex.find_if({ 5, 7, 10 }, function(v) return v > 6 and v end))
print(show(tablex.range(1, 5)), show(tablex.range(0, 1, 0.25)), show(tablex.new(3, "z")))
print(show(tablex.sub({ 1, 2, 3, 4, 5 }, 2, -2)), show(tablex.insertvalues({ 1, 5 }, 2, { 2, 3, 4 })), show(tablex.removevalues({ 1, 2, 3, 4 }, 2, 3)))
print(show(tablex.count_map({ "a", "b", "a", "c", "a" })), show(tablex.index_map({ "x", "y" })), show(tablex.pairmap(function(k, v) return v, k end, { a = "A" })))
local sorted = {}
for k, v in tablex.sort({ c = 3, a = 1, b = 2 }) do sorted[#sorted + 1] = k .. v end
for k, v in tablex.sortv({ c = 1, a = 3, b = 2 }) do sorted[#sorted + 1] = k .. v end
print(table.concat(sorted, " "))
print(show(tablex.readonly({ 1 })[1]), select(2, pcall(function() tablex.readonly({})[1] = 2 end)))
print(tablex.search({ a = { b = { c = 1 } } }, 1), show(tablex.set({ 1, 2, 3 }, 0, 2)), show(tablex.icopy({ 1, 2, 3, 4 }, { 9, 8 }, 2)))
print(show(tablex.move({ 1, 2, 3, 4, 5 }, { 9, 8 }, 4)), tablex.equals ~= nil, show(tablex.keys({})))
-- Set
local A, B = Set { 1, 2, 3 }, Set { 3, 4 }
local function sset(s) local v = Set.values(s) table.sort(v) return "[" .. table.concat(v, ",") .. "]" end
print(sset(A + B), sset(A * B), sset(A - B), sset(A ^ B), A == Set { 3, 2, 1 }, Set.len(A), Set.isempty(Set {}))
print(Set.issubset(Set { 1 }, A), Set.isdisjoint(A, Set { 9 }), A < B, Set { 1 } < A, sset(Set.map(A, function(x) return x * 2 end)))
-- Map / OrderedMap / MultiMap
local m = Map { alpha = 1, beta = 2 }
m:set("gamma", 3)
print(m:get("beta"), m:len(), show(m:keys():sort()), show(m:values():sort()), show(m:getvalues({ "alpha", "gamma" })))
local items = m:items()
table.sort(items, function(a, b) return a[1] < b[1] end)
print(show(items), m:getvalues({ "beta" })[1])
local om = OrderedMap()
om:set("z", 1) om:set("a", 2) om:set("m", 3) om:set("a", 20)
print(tostring(om), show(om:keys()), show(om:values()))
om:insert(1, "first", 0)
om:set("m", nil)
local kv = {}
for k, v in om:iter() do kv[#kv + 1] = k .. "=" .. v end
print(table.concat(kv, " "), tostring(om))
om:sort()
print(tostring(om))
local mm = MultiMap()
mm:set("k", 1) mm:set("k", 2) mm:set("j", 3)
print(show(mm:get("k")), show(mm:get("j")), show(mm:get("none")))
-- array2d
local a2 = { { 1, 2, 3 }, { 4, 5, 6 } }
print(show(array2d.size(a2)), show({ array2d.size(a2) }), show(array2d.column(a2, 2)), show(array2d.transpose(a2)))
print(show(array2d.map(function(x) return x * x end, a2)), array2d.reduce_rows("+", a2)[2], show(array2d.reduce_cols("+", a2)))
print(show(array2d.reduce2("+", "*", a2)), show(array2d.new(2, 3, 0)), show(array2d.extract_rows(a2, { 2 })))
print(show(array2d.slice(a2, 1, 2, 2, 3)), show(array2d.flatten(a2)), show(array2d.reshape(a2, 3)))
print(show(array2d.product("..", { 1, 2 }, { "a", "b" })), show(array2d.swap_rows(array2d.new(2, 2, function(i, j) return i * 10 + j end), 1, 2)))
local cells = {}
for i, j, v in array2d.iter(a2, true) do cells[#cells + 1] = i .. j .. ":" .. v end
print(table.concat(cells, " "))
print(show(array2d.parse_range("A1:B3")), array2d.range(a2, "B1:C2") and show(array2d.range(a2, "B1:C2")))
-- seq
local L = seq.list
check("seq range", function() return seq.copy(seq.range(1, 5)) end)
check("seq sum", function() return seq.sum(L { 1, 2, 3 }) end)
check("seq minmax", function() return seq.minmax(L { 4, 1, 9 }) end)
check("seq count", function() return seq.count(L { 1, 2, 3, 4 }, function(x) return x > 2 end) end)
check("seq map", function() return seq.copy(seq.map(function(x) return x * x end, L { 1, 2, 3 })) end)
check("seq filter", function() return seq.copy(seq.filter(L { 1, 2, 3, 4 }, function(x) return x % 2 == 0 end)) end)
check("seq take", function() return seq.copy(seq.take(seq.range(1, 100), 3)) end)
check("seq skip", function() return seq.copy(seq.skip(L { 1, 2, 3, 4 }, 2)) end)
check("seq unique", function() return seq.copy(seq.unique(L { 3, 1, 3, 2 })) end)
check("seq count_map", function() return seq.count_map(L { "a", "b", "a" }) end)
check("seq enum", function() return seq.copy2(seq.enum(L { "x", "y" })) end)
check("seq reduce", function() return seq.reduce("+", L { 1, 2, 3 }) end)
check("seq sort", function() return seq.copy(seq.sort(L { 3, 1, 2 })) end)
check("seq chain", function() return seq({ 10, 20, 30 }):map(function(x) return x + 1 end):filter(function(x) return x > 15 end):copy() end)
check("seq zip", function() return seq.copy_tuples(seq.zip(L { 1, 2 }, L { "a", "b" })) end)
check("seq last", function() return seq.copy2(seq.last(L { 1, 2, 3 })) end)
check("seq matching", function() return seq.copy(seq.matching({ "apple", "bob", "avocado" }, "^a")) end)
check("seq printall", function() seq.printall({ 1, 2, 3 }, ",") io.write("\n") end)
check("seq keys", function() local k = seq.copy(seq.keys({ a = 1, b = 2 })) table.sort(k) return k end)
check("seq foreach", function() local o = {} seq.foreach(L { 1, 2 }, function(v) o[#o + 1] = v * 3 end) return o end)
check("seq mapmethod", function() return seq.copy(seq.mapmethod(L { "ab", "cd" }, "upper")) end)
-- func
local _1, _2 = func._1, func._2
check("func I", function() return func.I(_1 + _2 * 10)(1, 2), func.I(_1 .. "!")("hi"), func.instantiate(_1 * _1)(7) end)
check("func repr", function() return func.repr(_1 + _2), func.repr(_1 * (_2 - 1)) end)
check("func compose", function() return func.compose(math.abs, function(x) return x - 10 end)(3) end)
check("func bind1", function() return func.bind1(operator.sub, 10)(3) end)
check("func bind", function() return func.bind(string.sub, _1, 2, _2)("abcdef", 4) end)
check("func tail", function() return func.tail(_1 + 1) end)
-- comprehension
local C = comp.new()
check("comp squares", function() return C("x^2 for x")({ 1, 2, 3 }) end)
check("comp filter", function() return C("x for x if x % 2 == 0")({ 1, 2, 3, 4 }) end)
check("comp nested", function() return C("{x,y} for x=1,2 for y=1,2")() end)
check("comp sum", function() return C("sum(x for x)")({ 1, 2, 3 }) end)
check("comp product", function() return C("x+y for x for y")({ 1, 2 }, { 10, 20 }) end)
check("comp bad", function() return C("x for")({}) end)
-- permute
check("permute order_iter", function()
  local perms = {}
  for p in permute.order_iter({ "a", "b", "c" }) do perms[#perms + 1] = table.concat(p) end
  table.sort(perms)
  return table.concat(perms, ","), #permute.order_table({ 1, 2, 3, 4 })
end)
check("permute list_iter", function()
  local prods = {}
  for i, a, b in permute.list_iter({ 1, 2 }, { "x", "y" }) do prods[#prods + 1] = i .. a .. b end
  return table.concat(prods, ","), #permute.list_table({ 1, 2, 3 }, { 4, 5 })
end)
-- utils
check("choose", utils.choose, true, "y", "n")
check("pack", utils.pack, 1, nil, 3)
check("unpack", utils.unpack, { 1, 2, 3 }, 2)
check("split", utils.split, "a b  c")
check("split plain", utils.split, "a.b..c", ".", true)
check("splitv", utils.splitv, "k=v", "=")
check("quote_arg", function() return utils.quote_arg("simple"), utils.quote_arg("with space"), utils.quote_arg({ "a", "b c" }) end)
check("escape", utils.escape, "a.b*c")
check("array_tostring", utils.array_tostring, { 1, 2.5, "x" })
check("string_lambda", function() return utils.string_lambda("|x| x * 2")(21), utils.string_lambda("_+1")(1) end)
check("memoize", function() local n = 0 local m = utils.memoize(function(x) n = n + 1 return x .. "!" end) return m("a"), m("a"), n end)
check("is_type", utils.is_type, List {}, List)
check("assert_arg ok", utils.assert_arg, 1, 5, "number")
check("assert_arg bad", utils.assert_arg, 1, "x", "number")
check("assert_string", utils.assert_string, 2, 5)
check("npairs", function() local o = {} for i, v in utils.npairs({ 1, 2, 3, n = 3 }) do o[#o + 1] = v end return o end)
check("kpairs", function() local o = {} for k, v in utils.kpairs({ 1, 2, a = "x" }) do o[#o + 1] = tostring(k) end return o end)
check("enum", function() local e = utils.enum("A", "B") return e.A, e.B, pcall(function() return e.C end) end)
check("on_error", function() utils.on_error("error") return utils.raise("raised") end)
check("on_error quit", function() utils.on_error("default") return utils.raise("returned") end)
check("bind1", function() return utils.bind1(string.rep, "ab")(3), utils.bind2(string.rep, 2)("xy") end)
check("function_arg", function() return utils.function_arg(1, "+")(2, 3), utils.function_arg(1, "_*2")(4) end)
check("operator", function() return operator.add(1, 2), operator.concat("a", "b"), operator.lt(1, 2), operator.index({ 5 }, 1), operator.optable["+"](2, 2) end)
check("add_function_factory", function()
  utils.add_function_factory(getmetatable(""), function(s) return function(x) return s .. x end end)
  return utils.function_arg(1, "pre-")("x")
end)
