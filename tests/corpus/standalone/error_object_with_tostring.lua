error(setmetatable({code = 7}, {__tostring = function(e) return "E" .. e.code end}))
