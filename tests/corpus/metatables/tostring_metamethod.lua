local P = {}
P.__tostring = function(p) return "Point(" .. p.x .. "," .. p.y .. ")" end
local pt = setmetatable({x = 1, y = 2}, P)
print(pt, tostring(pt))
print(string.format("%s", pt))
local bad = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(tostring, bad))
local bad2 = setmetatable({}, {__tostring = function() return nil end})
print(pcall(tostring, bad2))
print(pcall(print, bad))
local named = setmetatable({}, {__name = "MyType", __tostring = function() return "custom wins" end})
print(named)
