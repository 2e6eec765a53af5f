-- an __index function that indexes its own table: uncaught "C stack overflow" with a traceback
local proxy = setmetatable({}, {__index = function(t, k) return t[k] end})
print(proxy.missing)
