-- debian: lua-fifo
-- fifo (Debian lua-fifo, Lua 5.1 folder): queue operations, insert/remove in the middle, empty handler.
local S = dofile((arg[0]:match("^(.*)/") or ".") .. "/support/show.lua")
S.use51()
S.where("fifo")
local new = require("fifo")  -- the module is its constructor
local check = S.check
local q = new(1, 2, 3)
print("length", q:length(), #q, q:peek(), q:peek(2), q:peek(3), q:peek(4))
for i = 4, 10 do q:push(i * 10) end
print("after pushes", q:length())
local out = {}
for _ = 1, 4 do out[#out + 1] = q:pop() end
print("popped", table.concat(out, " "), q:length())
q:insert(1, "first")
q:insert(3, "third")
q:insert(q:length() + 1, "last")
out = {}
for i = 1, q:length() do out[i] = tostring(q:peek(i)) end
print("contents", table.concat(out, " "))
print("remove", q:remove(2), q:remove(1), q:remove(q:length()), q:length())
check("insert bad", function() q:insert(100, "x") end)
check("remove bad", function() return q:remove(100) end)
check("newindex", function() q.foo = 1 end)
out = {}
while q:length() > 0 do out[#out + 1] = tostring(q:pop()) end
print("drained", table.concat(out, " "))
check("empty pop", function() return q:pop() end)
q:setempty(function(self) return "EMPTY" end)
print("custom empty", q:pop(), q:length())
local big = new()
for i = 1, 10000 do big:push(i) end
local sum = 0
for _ = 1, 9990 do sum = sum + big:pop() end
print("big", big:length(), sum, big:peek())
for i = 1, 5 do big:push(-i) end
print("wrap", big:length(), big:peek(), big:peek(big:length()))
