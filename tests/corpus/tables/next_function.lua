local t = {10, 20, 30}
print(next(t))
print(next(t, 1))
print(next(t, 2))
print(next(t, 3))
print(next({}))
print(next({}, nil))
local one = {only = "value"}
print(next(one))
print(next(one, "only"))
print(pcall(next, t, "nonexistent"))
print(pcall(next, nil))
print(pcall(next))
print(type(next), rawequal(next, select(1, pairs({}))))
