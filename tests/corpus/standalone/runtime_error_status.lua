-- a runtime error with a string message at top level exits with status 1
local function f() local x = {} return x.a.b end
print("calling")
f()
