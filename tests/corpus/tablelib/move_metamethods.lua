-- table.move reads with __index and writes with __newindex
local log = {}
local src = setmetatable({}, {__index = function(_, k) log[#log + 1] = "r" .. k return k * 100 end})
local dst = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = "w" .. k .. "=" .. v rawset(t, k, v) end})
table.move(src, 1, 3, 5, dst)
print(table.concat(log, " "))
print(dst[5], dst[6], dst[7])
-- overlapping move inside one proxied table goes backwards
log = {}
local store = {1, 2, 3, 4}
local p = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "r" .. k return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "w" .. k store[k] = v end,
})
table.move(p, 1, 3, 2)
print(table.concat(log, " "))
print(table.concat(store, ","))
-- a destination that only has __newindex is accepted
local sink = {}
local d2 = setmetatable({}, {__newindex = function(_, k, v) sink[#sink + 1] = k .. ":" .. v end})
table.move({"a", "b"}, 1, 2, 1, d2)
print(table.concat(sink, " "))
