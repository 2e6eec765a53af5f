local function inner() error("deep", 1) end
local function middle() return inner() end
local function outer() return middle() end
local ok, msg = pcall(outer)
print(ok, msg)
print(xpcall(outer, function(m) return (debug.traceback(m, 1):gsub("\n", " | ")) end))
