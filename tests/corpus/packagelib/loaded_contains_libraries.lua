-- package.loaded holds _G and every standard library
local names = {}
for k, v in pairs(package.loaded) do names[#names + 1] = k .. "=" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
print(package.loaded._G == _G, package.loaded.string == string, package.loaded.table == table)
print(package.loaded.math == math, package.loaded.io == io, package.loaded.os == os)
print(package.loaded.debug == debug, package.loaded.coroutine == coroutine, package.loaded.utf8 == utf8)
print(package.loaded.package == package)
print(require("string") == string, select("#", require("string")))
print(require("_G") == _G, require("package") == package)
