-- table.concat reads through __index and takes the length from __len
local log = {}
local backing = {"a", "b", "c", "d"}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. tostring(k) return backing[k] end,
  __len = function() log[#log + 1] = "len" return #backing end,
})
print(table.concat(proxy, ","))
print(table.concat(log, "; "))
log = {}
print(table.concat(proxy, ",", 2))
print(table.concat(log, "; "))
log = {}
print(table.concat(proxy, ",", 2, 3))
print(table.concat(log, "; "))
-- __len returning a float with an integer value, and a numeric string
print(table.concat(setmetatable({}, {__index = function(_, k) return k * 10 end, __len = function() return 3.0 end})))
print(table.concat(setmetatable({}, {__index = function(_, k) return k end, __len = function() return "2" end}), "/"))
print(pcall(table.concat, setmetatable({}, {__len = function() return 2.5 end})))
print(pcall(table.concat, setmetatable({}, {__len = function() return "x" end})))
print(pcall(table.concat, setmetatable({}, {__len = function() return nil end})))
-- __index chain through a table
local base = {"x", "y", "z"}
print(table.concat(setmetatable({}, {__index = base, __len = function() return 3 end}), ""))
-- raw part is used first
print(table.concat(setmetatable({"r1"}, {__index = base, __len = function() return 3 end}), ""))
