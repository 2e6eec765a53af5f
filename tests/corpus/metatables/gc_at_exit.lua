-- finalizers of live objects run when the state closes
local keep = setmetatable({}, {__gc = function() print("finalized at exit") end})
local mt = {}
local late = setmetatable({}, mt)
mt.__gc = function() print("never: __gc added after setmetatable") end
print("end of script")
