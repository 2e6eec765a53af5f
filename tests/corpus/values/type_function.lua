print(type(1), type(1.5), type("s"), type(nil), type(true), type({}), type(print), type(function() end))
print(type(coroutine.create(function() end)), type(io.stdout), type(type))
print(pcall(type))
print(type(type(nil)), type(nil) == "nil")
