-- coroutine.running on the main thread
local t, ismain = coroutine.running()
print(type(t), ismain)
print((tostring(t):gsub("0x%x+", "ADDR")))
print(tostring(t):match("^thread: ") ~= nil)
print(select("#", coroutine.running()))
print(coroutine.running() == t)
