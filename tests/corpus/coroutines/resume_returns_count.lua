-- the exact number of values resume returns
local function count(...) return select("#", ...) end
print(count(coroutine.resume(coroutine.create(function() end))))
print(count(coroutine.resume(coroutine.create(function() return nil end))))
print(count(coroutine.resume(coroutine.create(function() return 1, 2, 3 end))))
print(count(coroutine.resume(coroutine.create(function() coroutine.yield() end))))
print(count(coroutine.resume(coroutine.create(function() coroutine.yield(nil, nil) end))))
print(count(coroutine.resume(coroutine.create(function() error() end))))
local w = coroutine.wrap(function(...) coroutine.yield(...) return end)
print(count(w(1, nil, nil)))
print(count(w()))
