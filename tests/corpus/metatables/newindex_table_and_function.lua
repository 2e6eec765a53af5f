local store = {}
local t = setmetatable({}, {__newindex = store})
t.a = 1
print(rawget(t, "a"), store.a)
local log = {}
local u = setmetatable({}, {__newindex = function(tb, k, v) log[#log + 1] = k .. "=" .. tostring(v) rawset(tb, k, v) end})
u.x = 1
u.x = 2      -- existing key: no metamethod
u.y = nil
print(table.concat(log, " "), u.x)
local ro = setmetatable({}, {__newindex = function(_, k) error("read-only field " .. k, 2) end})
print(pcall(function() ro.z = 1 end))
local chain = setmetatable({}, {__newindex = setmetatable({}, {__newindex = function(_, k, v) log[#log + 1] = "deep " .. k end})})
chain.q = 1
print(log[#log])
