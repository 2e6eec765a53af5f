local log = {}
do
  local obj = setmetatable({name = "first"}, {__gc = function(o) print("finalizing " .. o.name) end})
end
collectgarbage()
collectgarbage()
print("after collect")
local mt = {__gc = function(o) log[#log + 1] = o.id end}
for i = 1, 5 do setmetatable({id = i}, mt) end
collectgarbage()
collectgarbage()
table.sort(log)
print("finalized", table.concat(log, ","))
