local E = setmetatable({msg = "custom failure"}, {__tostring = function(e) return "MyError: " .. e.msg end})
error(E)
