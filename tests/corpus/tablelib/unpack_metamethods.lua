-- table.unpack uses __index and __len
local log = {}
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = k return k * k end,
  __len = function() log[#log + 1] = "len" return 4 end,
})
print(table.unpack(p))
print(table.concat(log, " ")) log = {}
print(table.unpack(p, 3))
print(table.concat(log, " ")) log = {}
print(table.unpack(p, 2, 3))
print(table.concat(log, " "))
print(pcall(table.unpack, setmetatable({}, {__len = function() return "3" end, __index = function() return "v" end})))
print(pcall(table.unpack, setmetatable({}, {__len = function() return {} end})))
