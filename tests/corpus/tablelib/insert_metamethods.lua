-- table.insert goes through __index/__newindex/__len, in the reference's order
local log = {}
local store = {10, 20, 30}
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get" .. k return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. k .. "=" .. tostring(v) store[k] = v end,
  __len = function() log[#log + 1] = "len" return #store end,
})
table.insert(p, 40)
print(table.concat(log, " ")) log = {}
table.insert(p, 1, 5)
print(table.concat(log, " ")) log = {}
table.insert(p, 3, 15)
print(table.concat(log, " ")) log = {}
print(table.concat(store, ","))
-- __len returning maxinteger makes the position wrap as in the reference
local q = setmetatable({}, {__len = function() return math.maxinteger end, __newindex = function(t, k, v) rawset(t, k, v) end, __index = function() end})
table.insert(q, "w")
print(q[math.mininteger])
print(pcall(table.insert, setmetatable({}, {__len = function() return "x" end}), 1))
print(pcall(table.insert, setmetatable({}, {__len = function() return 1.5 end}), 1))
