-- argument errors of package.searchpath
print(pcall(package.searchpath))
print(pcall(package.searchpath, "x"))
print(pcall(package.searchpath, "x", {}))
print(pcall(package.searchpath, "x", "?", {}))
print(pcall(package.searchpath, "x", "?", ".", {}))
print(package.searchpath(1, "?.lua"))
print(package.searchpath("x", 2))
