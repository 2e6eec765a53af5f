-- unbounded recursion inside a coroutine ends in "stack overflow"
local function rec(n) return 1 + rec(n + 1) end
local co = coroutine.create(function() return rec(1) end)
local ok, e = coroutine.resume(co)
print(ok, e)
print(coroutine.status(co))
local w = coroutine.wrap(function() return rec(1) end)
local ok2, e2 = pcall(w)
print(ok2, e2)
