-- the length the table functions use comes from __len (luaL_len)
local function proxy(n)
  return setmetatable({}, {__len = function() return n end, __index = function(_, k) return "v" .. k end,
                           __newindex = function(t, k, v) rawset(t, k, v) end})
end
print(table.concat(proxy(3), ","))
print(table.concat(proxy(3.0), ","))
print(table.concat(proxy("2"), ","))
print(pcall(table.concat, proxy(2.5)))
print(pcall(table.concat, proxy("2.5")))
print(pcall(table.concat, proxy(true)))
print(table.unpack(proxy(2)))
print(pcall(table.insert, proxy(nil), 1))
print(pcall(table.remove, proxy({})))
local p = proxy(0)
table.insert(p, "x")
print(rawget(p, 1))
print(table.remove(proxy(2)))
-- plain tables ignore nothing: #t is the border
local t = {1, 2, 3}
t[#t + 1] = 4
print(table.concat(t, ","), #t)
