-- the type name in "thread expected" honours __name
local obj = setmetatable({}, {__name = "MyObject"})
print(pcall(coroutine.resume, obj))
print(pcall(coroutine.status, obj))
print(pcall(coroutine.close, setmetatable({}, {__name = 42})))
print(pcall(coroutine.resume, io.stdout))
