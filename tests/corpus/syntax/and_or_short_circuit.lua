local calls = 0
local function side(v) calls = calls + 1 return v end
print(false and side(1), calls)
print(nil and side(1), calls)
print(true or side(1), calls)
print(1 and side(2), calls)
print(nil or side(3), calls)
print(false or nil, nil or false, false and nil, nil and false)
print(1 and 2, nil and 2, 1 or 2, false or 2)
print(0 and "zero is true", "" and "empty is true")
local v = nil
local d = v and v.x or "default"
print(d)
local function f() return 1, 2 end
print(f() and f())
print((f() or 0))
