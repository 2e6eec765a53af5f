local log = {}
local inner = setmetatable({}, {__index = function(t, k) log[#log + 1] = "inner:" .. k return k .. "!" end})
local outer = setmetatable({}, {__index = function(t, k) log[#log + 1] = "outer:" .. k return inner[k] end})
print(outer.foo, outer.bar)
print(table.concat(log, " "))
local mixed = setmetatable({}, {__index = setmetatable({direct = 1}, {__index = function(_, k) return "fn " .. k end})})
print(mixed.direct, mixed.other)
