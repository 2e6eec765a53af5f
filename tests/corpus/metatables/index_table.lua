local base = {greet = "hello", n = 1}
local t = setmetatable({}, {__index = base})
print(t.greet, t.n, t.missing)
t.n = 2
print(t.n, base.n, rawget(t, "greet"))
base.late = "added later"
print(t.late)
