-- collectgarbage's options and parameters: what they set and return, as lua5.4 stores them
for _, v in ipairs{0, 1, 3, 4, 5, 150, 199, 200, 1000, 1020, 1023, 1024, 2000, -4, -1} do
  collectgarbage("setpause", v); local a = collectgarbage("setpause", 200)
  collectgarbage("setstepmul", v); local b = collectgarbage("setstepmul", 100)
  print(v, a, b)
end
print(collectgarbage("incremental", 123, 456, 7))
print(collectgarbage("setpause", 200), collectgarbage("setstepmul", 100))
print(collectgarbage("incremental", 0, 0, 0))
print(collectgarbage("setpause", 200), collectgarbage("setstepmul", 100))
print(pcall(collectgarbage, "setpause", 1.5))
print(pcall(collectgarbage, "incremental", "x"))
print(pcall(collectgarbage, "generational", {}))
print(pcall(collectgarbage, "nope"))
print(collectgarbage("generational", 1000, 1000))
print(collectgarbage("generational", 0, 0))
print(collectgarbage("step"))
print(collectgarbage("incremental"))
print(collectgarbage("isrunning"), collectgarbage("stop"), collectgarbage("isrunning"), collectgarbage("restart"), collectgarbage("isrunning"))
print(math.type(collectgarbage("count")), collectgarbage("count") > 0, collectgarbage("collect"), collectgarbage())
-- count rises with live data and falls when it is dropped
collectgarbage()
local base = collectgarbage("count")
local keep = {}
for i = 1, 20000 do keep[i] = {i} end
local grown = collectgarbage("count")
collectgarbage()
local still = collectgarbage("count")
keep = nil
collectgarbage()
local after = collectgarbage("count")
print("rises:", grown > base + 100, "live data stays:", still > base + 100, "falls:", after < still - 100)
-- inside a finalizer every option fails (returns nil)
setmetatable({}, {__gc = function()
  print("in finalizer:", collectgarbage("count"), collectgarbage("step"), collectgarbage("isrunning"),
    collectgarbage("incremental"), collectgarbage("generational"), collectgarbage("stop"),
    collectgarbage("setpause", 100), collectgarbage())
end})
collectgarbage()
print("after finalizer:", collectgarbage("isrunning"))
-- a stopped collector: no automatic collections, weak entries stay until restarted
collectgarbage("stop")
local w = setmetatable({{}}, {__mode = "v"})
for i = 1, 100000 do local g = {i} end
print("stopped: entry kept", w[1] ~= nil)
collectgarbage("restart")
for i = 1, 100000 do local g = {i} end
print("restarted: entry cleared", w[1] == nil)
