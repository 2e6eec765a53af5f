local t = setmetatable({}, {__mode = "kv"})
local k1 = {}
t[k1] = {}
t[{}] = k1
t[1] = {}
t.x = "keep"
collectgarbage()
collectgarbage()
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t.x, t[k1])
print(getmetatable(t).__mode)
