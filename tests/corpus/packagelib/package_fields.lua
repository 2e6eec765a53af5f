-- the fields of the package table and their types
local keys = {}
for k, v in pairs(package) do keys[#keys + 1] = k .. ":" .. type(v) end
table.sort(keys)
print(table.concat(keys, " "))
print(#package.searchers)
for i, s in ipairs(package.searchers) do print(i, type(s)) end
print(string.format("%q", package.config))
print(package.path)
print(package.cpath)
print(type(require), require == _G.require)
