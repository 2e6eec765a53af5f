local function level3() error("deep error") end
local function level2() level3() end
local function level1() level2() end
local ok, tb = xpcall(level1, debug.traceback)
print(ok)
print(tb)
print(xpcall(level1, function(m) return debug.traceback("custom: " .. m, 2) end))
print(debug.traceback("message only", 1) ~= nil)
print(debug.traceback(42))
print(debug.traceback(nil))
print(type(debug.traceback({})))
