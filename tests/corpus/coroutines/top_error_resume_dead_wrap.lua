-- calling a dead wrap function at top level
local f = coroutine.wrap(function() return 1 end)
print(f())
f()
