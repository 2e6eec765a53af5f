-- debian: lua-inspect
-- inspect.lua (Debian lua-inspect, installed for Lua 5.1 only): rendering of
-- every kind of value, options depth/newline/indent/process, metatables, cycles.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.use51()
S.where("inspect")
local inspect = require("inspect")
print(inspect._VERSION)
local values = {
  1, -2, 3.5, 1e100, -0.0, 1/0, -1/0, math.mininteger, "str", "quote'\"", "ctl\1\n\t\127x", "\0\0010", true, false,
  {}, { 1, 2, 3 }, { a = 1, b = 2 }, { 1, 2, x = "y", [10] = 10, [1.5] = "f", [true] = "t" },
  { { {} } }, { "a", { "b", { "c", { "d" } } } },
}
for i, v in ipairs(values) do print(i, inspect(v)) end
print(inspect(nil))
local t = { name = "root" }
t.self = t
t.children = { { parent = t, n = 1 }, { parent = t, n = 2 } }
print(inspect(t))
local shared = { "shared" }
print(inspect({ shared, shared, { shared } }))
local mt = { __index = function() end, __tostring = function() return "T" end, kind = "meta" }
local withmt = setmetatable({ v = 1 }, mt)
print(inspect(withmt))
print(inspect({ f = print, g = function() end, co = coroutine.create(function() end) }))
local deep = { l1 = { l2 = { l3 = { l4 = { l5 = "deep" } } } } }
for d = 0, 5 do print("depth " .. d, inspect(deep, { depth = d })) end
print(inspect({ 1, { 2, 3 }, k = "v" }, { newline = " ", indent = "" }))
print(inspect({ 1, { 2, 3 }, k = "v" }, { newline = "\n", indent = "\t" }))
local function remove_mt(item, path)
  if path[#path] ~= inspect.METATABLE then return item end
end
print(inspect(withmt, { process = remove_mt }))
local function upper_strings(item, path)
  if type(item) == "string" then return item:upper() end
  return item
end
print(inspect({ a = "x", b = { "y", "z" } }, { process = upper_strings }))
local visits = {}
local function path_printer(item, path)
  local p = {}
  for i, k in ipairs(path) do p[i] = tostring(k) end
  if #p > 0 then visits[#visits + 1] = table.concat(p, ".") end
  return item
end
inspect({ a = { b = 1, c = { 2 } }, d = 3 }, { process = path_printer })
table.sort(visits)   -- visited in pairs order
for _, v in ipairs(visits) do print("  visit", v) end
local function drop_numbers(item) if type(item) ~= "number" then return item end end
print(inspect({ 1, "two", 3, x = 4, y = "five" }, { process = drop_numbers }))
local keys = {}
for i = 1, 30 do keys["k" .. i] = i * i end
print(inspect(keys))
local arr = {}
for i = 1, 25 do arr[i] = i % 3 == 0 and { i } or i end
print(inspect(arr))
print(inspect(setmetatable({}, { __metatable = "locked" })))
print(inspect(setmetatable({ 1 }, setmetatable({ __mode = "k" }, { __index = { deep = true } }))))
