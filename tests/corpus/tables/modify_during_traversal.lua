local t = {}
for i = 1, 20 do t["k" .. i] = i end
local removed = 0
for k, v in pairs(t) do
  if v % 2 == 0 then t[k] = nil removed = removed + 1 end
end
local left, sum = 0, 0
for k, v in pairs(t) do left = left + 1 sum = sum + v end
print("removed", removed, "left", left, "sum", sum)
for k, v in pairs(t) do t[k] = v * 10 end
sum = 0
for k, v in pairs(t) do sum = sum + v end
print("after update", sum)
