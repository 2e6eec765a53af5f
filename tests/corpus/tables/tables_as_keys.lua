local k1, k2 = {}, {}
local f = function() end
local t = {[k1] = "k1", [k2] = "k2", [f] = "fn", [true] = "T", [false] = "F"}
print(t[k1], t[k2], t[f], t[true], t[false])
print(t[{}])
local co = coroutine.create(function() end)
t[co] = "thread"
print(t[co])
local cnt = 0
for _ in pairs(t) do cnt = cnt + 1 end
print("entries", cnt)
t[k1] = nil
cnt = 0
for _ in pairs(t) do cnt = cnt + 1 end
print("after removal", cnt)
