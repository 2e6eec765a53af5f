-- objects are finalized in reverse order of marking (setmetatable order)
local order = {}
local mt = {__gc = function(o) order[#order + 1] = o.n end}
local objs = {}
for i = 1, 4 do objs[i] = setmetatable({n = i}, mt) end
objs = nil
collectgarbage()
print(table.concat(order, " "))
