-- any error value comes out of resume as it was raised
local function r(v) return coroutine.resume(coroutine.create(function() error(v) end)) end
print(r(nil))
print(r(false))
print(r(true))
print(r(12))
print(r(0.5))
local t = {}
local ok, e = r(t)
print(ok, e == t)
local ok2, f = r(print)
print(ok2, f == print)
