setmetatable({}, {__gc = function() print("finalizer ran on close") end})
local keep = setmetatable({}, {__gc = function() print("kept object finalized") end})
print("exiting with close=true")
os.exit(5, true)
