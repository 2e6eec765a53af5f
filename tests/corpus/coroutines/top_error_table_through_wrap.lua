-- an error object that is a table, uncaught, through wrap
local f = coroutine.wrap(function() error({code = 1}) end)
f()
