-- how tracebacks name functions
function global_fn() return debug.traceback("global") end
local function local_fn() return debug.traceback("local") end
local obj = {}
function obj:method() return debug.traceback("method") end
obj.field = function() return debug.traceback("field") end
local up = function() return debug.traceback("upvalue") end
local function use_up() return (up()) end
print((global_fn()))
print((local_fn()))
print((obj:method()))
print((obj.field()))
print((use_up()))
for v in function(s, c) if c == nil then return debug.traceback("iterator") end end do print(v) end
print((pcall(function() return (string.gsub("x", "x", function() print(debug.traceback("in gsub callback")) end)) end)))
print(select(2, pcall(error)))
