-- %s uses __tostring and __name like tostring
local P = setmetatable({}, {__tostring = function(self) return "Point(1,2)" end})
print(string.format("%s|%12s|%-12s|%.5s", P, P, P, P))
local N = setmetatable({}, {__name = "MyType"})
print((string.format("%s", N):gsub("0x%x+", "ADDR")))
local num = setmetatable({}, {__tostring = function() return 3.5 end})
print(string.format("[%s]", num))
print(string.format("%s %s", "a", setmetatable({}, {__tostring = function() return "b" end})))
print(select("#", string.format("%s", nil)), string.format("%s", nil))
