-- with a function instead of a level, getlocal gives parameter names only
local function f(alpha, beta, ...) local gamma = 1 return gamma end
for i = 1, 4 do print(i, debug.getlocal(f, i)) end
print(debug.getlocal(f, -1))
print(debug.getlocal(f, 0))
local obj = {}
function obj:m(x) end
print(debug.getlocal(obj.m, 1), debug.getlocal(obj.m, 2), debug.getlocal(obj.m, 3))
print(debug.getlocal(print, 1))
print(select("#", debug.getlocal(f, 1)))
print(debug.getlocal(function() end, 1))
