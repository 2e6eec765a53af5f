local cache = setmetatable({}, {__mode = "v"})
for i = 1, 2000000 do cache[i % 1000 .. "/" .. i] = {i} end   -- values are garbage at once
local live = 0
for _ in pairs(cache) do live = live + 1 end
print("entries still present, far fewer than inserted:", live < 100000)
