-- close unwinds through several Lua functions, closing in reverse order
local function res(n) return setmetatable({}, {__close = function() print("closed " .. n) end}) end
local function f3() local c <close> = res("f3"); coroutine.yield("deep") end
local function f2() local b <close> = res("f2"); f3() end
local function f1() local a <close> = res("f1"); f2() end
local co = coroutine.create(f1)
print(coroutine.resume(co))
print(coroutine.close(co))
