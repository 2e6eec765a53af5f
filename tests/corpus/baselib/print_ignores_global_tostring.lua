local orig = tostring
tostring = function(v) return "OVERRIDDEN" end
print("print does not call the global tostring:", 1, nil)
tostring = orig
local mt = {__tostring = function() return "via __tostring" end}
print(setmetatable({}, mt))
local named = setmetatable({}, {__name = "Named"})
print((orig(named):gsub("0x%x+", "ADDR")))
