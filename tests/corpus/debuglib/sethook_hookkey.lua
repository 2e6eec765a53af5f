-- debug.sethook keeps the hook functions in registry._HOOKKEY, a table weak in its keys
print(debug.getregistry()._HOOKKEY)
local function h() end
debug.sethook(h, "l"); debug.sethook()
local hk = debug.getregistry()._HOOKKEY
print(type(hk), getmetatable(hk) == hk, hk.__mode)
print(hk[coroutine.running()])
debug.sethook(h, "c")
print(hk[coroutine.running()] == h)
debug.sethook()
print(hk[coroutine.running()])
local co = coroutine.create(function() end)
debug.sethook(co, h, "r")
print(hk[co] == h, select(2, debug.gethook(co)))
