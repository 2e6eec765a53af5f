-- a __call chain that ends at a value that cannot be called names the call's variable,
-- in a tail call as in a plain call (the reference replaces the callee in its slot)
local c2 = setmetatable({}, {__call = setmetatable({}, {__call = 1})})
print(pcall(function() return c2() end))
print(pcall(function() local r = c2(); return r end))
local cc = {}
for i = 1, 300 do cc = setmetatable({}, {__call = cc}) end
print(pcall(function() return cc() end))
print(pcall(function() return cc(1, 2) end))
local t = {f = setmetatable({}, {__call = {}})}
print(pcall(function() return t.f() end))
print(pcall(function() return t:f() end))
