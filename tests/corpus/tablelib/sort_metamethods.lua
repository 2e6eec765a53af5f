-- table.sort compares with __lt and accesses proxies through __index/__newindex
local mt = {__lt = function(a, b) return a.v < b.v end}
local t = {}
for i, v in ipairs{5, 3, 9, 1, 7} do t[i] = setmetatable({v = v}, mt) end
table.sort(t)
for _, x in ipairs(t) do io.write(x.v, " ") end print()
local log = {}
local store = {4, 3, 2, 1}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get" .. k return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. k store[k] = v end,
  __len = function() return #store end,
})
table.sort(proxy)
print(table.concat(log, " "))
print(table.concat(store, " "))
log = {}
store = {"d", "a", "c", "b", "e", "f"}
table.sort(proxy, function(a, b) return a > b end)
print(table.concat(log, " "))
print(table.concat(store, " "))
print(pcall(table.sort, setmetatable({}, {__index = function() return 1 end, __len = function() return 3 end})))
-- mixed __lt objects and numbers
local obj = setmetatable({}, {__lt = function(a, b) return type(a) == "number" end})
local m = {obj, 1, 2}
print(pcall(table.sort, m))
