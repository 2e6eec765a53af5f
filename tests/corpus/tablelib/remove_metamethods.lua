-- table.remove through metamethods
local log = {}
local store = {"a", "b", "c", "d"}
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get" .. k return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. k .. "=" .. tostring(v) store[k] = v end,
  __len = function() log[#log + 1] = "len" return #store end,
})
print(table.remove(p, 2))
print(table.concat(log, " ")) log = {}
print(table.remove(p))
print(table.concat(log, " ")) log = {}
print(table.remove(p, #store + 1))
print(table.concat(log, " ")) log = {}
print(table.concat(store, ","))
