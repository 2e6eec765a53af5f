print(assert(1))
print(assert("v", "m"))
print(assert(0, 1, 2, 3))
print(pcall(assert, false, "m"))
print(pcall(assert, nil))
print(pcall(assert, false, nil))
local t = {}
local ok, e = pcall(assert, false, t)
print(ok, e == t)
