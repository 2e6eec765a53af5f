-- debian: lua-binaryheap
-- binaryheap (Debian lua-binaryheap, Lua 5.1 folder): min/max plain heaps and unique heaps.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.use51()
S.where("binaryheap")
local bh = require("binaryheap")
local check = S.check
local function lcg(seed)
  local x = seed
  return function(m) x = (x * 1103515245 + 12345) % 2147483648 return x % m end
end
local rnd = lcg(7)
local h = bh.minHeap()
for i = 1, 50 do h:insert(rnd(1000)) end
print("size", h:size(), "peek", h:peek())
local out = {}
while h:size() > 25 do out[#out + 1] = h:pop() end
print("popped", table.concat(out, " "))
h:update(3, -5)
print("after update", h:peek(), h:size())
print("remove", h:remove(4), h:remove(100), h:size())
out = {}
while h:peek() ~= nil do out[#out + 1] = h:pop() end
print("rest", table.concat(out, " "))
print("empty pop", h:pop(), h:peek())
local mx = bh.maxHeap()
for _, v in ipairs { 5, 1.5, 9, -2, 9, 7, 3 } do mx:insert(v) end
out = {}
while mx:size() > 0 do out[#out + 1] = mx:pop() end
print("max", table.concat(out, " "))
check("insert nil", function() mx:insert(nil) end)
-- custom comparator
local strh = bh.minHeap(function(a, b) return #a < #b or (#a == #b and a < b) end)
for _, w in ipairs { "pear", "fig", "banana", "kiwi", "apple", "date", "cherry" } do strh:insert(w) end
out = {}
while strh:size() > 0 do out[#out + 1] = strh:pop() end
print("by length", table.concat(out, " "))
-- unique heaps: payloads
local u = bh.minUnique()
local names = {}
for i = 1, 30 do names[i] = "job" .. i; u:insert(rnd(100) + i / 100, names[i]) end
print("unique size", u:size(), u:peek())
print("peekValue", u:peekValue())
print("valueByPayload", u:valueByPayload("job7"), u:valueByPayload("nope"))
u:update("job7", -1)
print("after update", u:peek(), u:peekValue())
print("remove", u:remove("job3"), u:remove("nope"), u:size())
check("duplicate payload", function() u:insert(1, "job1") end)
out = {}
while u:size() > 0 do
  local payload, value = u:pop()
  out[#out + 1] = payload .. "=" .. string.format("%.2f", value)
end
print(table.concat(out, " "))
local umax = bh.maxUnique(function(a, b) return a > b end)
for i = 1, 10 do umax:insert(i * 37 % 11, "p" .. i) end
out = {}
while umax:size() > 0 do out[#out + 1] = (umax:pop()) end
print("maxUnique", table.concat(out, " "))
