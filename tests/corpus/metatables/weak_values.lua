local reg = setmetatable({}, {__mode = "v"})
local strong = {}
for i = 1, 6 do
  local obj = {id = i}
  reg[i] = obj
  if i <= 2 then strong[i] = obj end
end
reg.str = "strings are not collected"
reg.num = 42
collectgarbage()
collectgarbage()
local ids = {}
for k, v in pairs(reg) do if type(v) == "table" then ids[#ids + 1] = v.id end end
table.sort(ids)
print(table.concat(ids, ","), reg.str, reg.num)
