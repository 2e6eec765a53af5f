local fs = {}
for i = 1, 1000 do
  local v = i
  fs[i] = function(d) v = v + d return v end
end
local total = 0
for i = 1, 1000 do total = total + fs[i](1) end
print(total)
print(fs[1](0), fs[1000](0))
