local calls = 0
local mt = {__eq = function(a, b) calls = calls + 1 return a.id == b.id end}
local a = setmetatable({id = 1}, mt)
local b = setmetatable({id = 1}, mt)
local c = setmetatable({id = 2}, mt)
print(a == b, a ~= b, a == c, a ~= c, calls)
print(a == a, calls)
local plain = {id = 1}
print(a == plain, plain == a, calls)
print(a == 1, a == "x", calls)
local other = setmetatable({}, {__eq = function() return "truthy" end})
print(other == {}, other ~= {})
local nomt = setmetatable({}, {__eq = function() return nil end})
print(nomt == {}, nomt ~= {})
