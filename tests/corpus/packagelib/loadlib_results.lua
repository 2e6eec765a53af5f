-- package.loadlib cannot load this library: nil, a message, and where it failed
local f, msg, where = package.loadlib("./no_such_library.so", "luaopen_x")
print(f, type(msg), where == "open" or where == "absent")
f, msg, where = package.loadlib("./no_such_library.so", "*")
print(f, type(msg), where == "open" or where == "absent")
print(pcall(package.loadlib))
print(pcall(package.loadlib, "x"))
print(pcall(package.loadlib, "x", {}))
