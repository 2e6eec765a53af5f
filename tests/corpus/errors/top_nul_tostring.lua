-- An uncaught error object whose __tostring gives a string with a '\0': printed up to the '\0'.
print("start")
error(setmetatable({}, {__tostring = function() return "custom\0hidden" end}))
