-- os.time reads the date table with __index and writes the normalised fields with __newindex
local log = {}
local defaults = {year = 2021, month = 13, day = 1}
local t = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. k return defaults[k] end,
  __newindex = function(tt, k, v) log[#log + 1] = "set " .. k .. "=" .. tostring(v) rawset(tt, k, v) end,
})
print(os.time(t))
print(table.concat(log, "; "))
