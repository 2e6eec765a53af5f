-- coroutines are values: table keys, equality, identity
local a = coroutine.create(function() end)
local b = coroutine.create(function() end)
local t = {[a] = "a", [b] = "b"}
print(t[a], t[b], a == b, a == a, rawequal(a, a))
local names = setmetatable({}, {__mode = "k"})
names[a] = "weak a"
print(names[a])
local main = coroutine.running()
t[main] = "main"
print(t[coroutine.running()])
local co
co = coroutine.create(function() return t[coroutine.running()] end)
t[co] = "co"
print(coroutine.resume(co))
