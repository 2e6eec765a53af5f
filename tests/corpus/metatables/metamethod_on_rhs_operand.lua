local mt = {__add = function(a, b) return "mt of " .. (type(a) == "table" and a.tag or type(a)) .. "," .. (type(b) == "table" and b.tag or type(b)) end}
local l = setmetatable({tag = "L"}, mt)
local r = setmetatable({tag = "R"}, {__add = function() return "right's" end})
print(l + r, r + l, 5 + r, r + 5)
local onlyright = setmetatable({tag = "OR"}, mt)
print({} + onlyright)
