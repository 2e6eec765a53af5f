-- the string table, its metatable, and package.loaded.string
local names = {}
for k, v in pairs(string) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
local mt = getmetatable("")
print(mt.__index == string, package.loaded.string == string, getmetatable("abc") == getmetatable(""))
local keys = {}
for k in pairs(mt) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
print(("x").len == string.len, ("x").nosuch, #string)
