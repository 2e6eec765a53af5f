print(getmetatable("").__index == string)
print(getmetatable(1), getmetatable(true), getmetatable(nil), getmetatable(print))
print(getmetatable({}), getmetatable(coroutine.create(print)))
print(type(getmetatable(io.stdout)))
