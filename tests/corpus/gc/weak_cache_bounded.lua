-- A weak-valued cache in a program that never calls collectgarbage keeps bounded memory
-- over a million insertions: automatic collections clear the entries of dead values.
local cache = setmetatable({}, {__mode = "v"})
local maxCount = 0
for i = 1, 1000000 do
  cache[i] = {i}
  if i % 50000 == 0 then
    local n = 0
    for _ in pairs(cache) do n = n + 1 end
    if n > maxCount then maxCount = n end
  end
end
local live = 0
for _ in pairs(cache) do live = live + 1 end
print("entries left well below a million:", live < 200000, "largest sample below a million:", maxCount < 200000)
print("memory bounded:", collectgarbage("count") < 100000)
-- weak keys (an ephemeron cache): values that refer to their own key are still collected
local eph = setmetatable({}, {__mode = "k"})
for i = 1, 300000 do
  local k = {}
  eph[k] = {k}
end
local n = 0
for _ in pairs(eph) do n = n + 1 end
print("ephemeron entries bounded:", n < 150000)
