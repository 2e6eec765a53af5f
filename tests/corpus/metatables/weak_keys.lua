local cache = setmetatable({}, {__mode = "k"})
local keep = {}
for i = 1, 10 do
  local key = {}
  cache[key] = i
  if i % 2 == 0 then keep[#keep + 1] = key end
end
collectgarbage()
collectgarbage()
local n = 0
for _ in pairs(cache) do n = n + 1 end
print("entries after collect", n)
keep = nil
collectgarbage()
collectgarbage()
n = 0
for _ in pairs(cache) do n = n + 1 end
print("entries after dropping keep", n)
