local smt = getmetatable("")
smt.__len = function() return 999 end
print(#"abc")
smt.__len = nil
local t = setmetatable({}, {__index = function() return "i" end, __len = function() return 3 end})
print(#t, t[1], t[99])
