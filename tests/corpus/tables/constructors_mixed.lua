local t = {1, 2, 3, x = "x", [10] = "ten", "four", y = {z = "nested"}}
print(t[1], t[2], t[3], t[4], t.x, t[10], t.y.z)
print(#t)
local k = "dyn"
local u = {[k] = 1, [k .. "2"] = 2, [1.5] = "float", [true] = "bool"}
print(u.dyn, u.dyn2, u[1.5], u[true])
local e = {}
print(next(e), #e)
local nested = {{}, {{}}, {{{}}}}
print(#nested, #nested[2], #nested[3][1])
local f = {function() return "called" end}
print(f[1]())
