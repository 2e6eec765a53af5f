local base = setmetatable({}, {__index = function(tbl, k) return tbl end})
local derived = setmetatable({}, {__index = base})
print(derived.x == base, derived.x == derived)
local nb = setmetatable({}, {__newindex = function(tbl, k, v) rawset(tbl, k, v .. "!") end})
local nd = setmetatable({}, {__newindex = nb})
nd.a = "v"
print(rawget(nd, "a"), rawget(nb, "a"))
