-- the debug library's functions
local names = {}
for k, v in pairs(debug) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
print(package.loaded.debug == debug)
print(debug.setcstacklimit(100), debug.setcstacklimit(0))
print(pcall(debug.setcstacklimit))
