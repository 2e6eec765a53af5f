-- runtime error messages inside a coroutine name the variables as usual
local function try(f) print(coroutine.resume(coroutine.create(f))) end
try(function() local t; return t.x end)
try(function() return undefinedglobal.field end)
try(function() local s = "a"; return s + {} end)
try(function() local up = nil; return (function() return up() end)() end)
try(function() return #nil end)
try(function() local a = {} ; return a < a end)
try(function() return ("x"):bad() end)
