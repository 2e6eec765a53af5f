-- the parser's "C stack overflow" is a run-time error inside load: the active
-- message handler sees it (syntax errors and limits do not go through it)
local deep = "return " .. string.rep("(", 300) .. "1" .. string.rep(")", 300)
print(pcall(load, deep))
print(xpcall(load, function(m) return "H:" .. m end, deep))
print(xpcall(function() return load(deep) end, function(m) return "H2:" .. m end))
print(xpcall(function() return load(string.rep("do ", 300) .. string.rep("end ", 300)) end, function(m) return "H3:" .. m end))
print(xpcall(load, function(m) return "H4:" .. m end, "x = = 1"))
local many = {} for i = 1, 201 do many[#many + 1] = "local a" .. i end
print(xpcall(load, function(m) return "H5:" .. m end, table.concat(many, ";")))
print(select("#", xpcall(load, function(m) return "H6:" .. m end, function() return nil end)))
print(xpcall(load, function(m) return "H7:" .. m end, deep, "=name"))
