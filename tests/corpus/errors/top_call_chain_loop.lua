-- An uncaught "stack overflow" from a __call chain that loops, in a tail call.
local t = setmetatable({}, {}); getmetatable(t).__call = t
local big = {}
for i = 1, 999950 do big[i] = i end
local function f() return t(table.unpack(big)) end
f()
