local mt = {__unm = function(a) return "neg " .. a.v end}
local t = setmetatable({v = "x"}, mt)
print(-t, - -1)
print(pcall(function() return -{} end))
