local function f() return 1, 2, 3 end
local function none() end
local t = {f(), f()}
print(#t, table.concat(t, ","))
t = {f(), (f())}
print(#t, table.concat(t, ","))
t = {none(), none()}
print(#t)
print(f(), f())
print((f()))
print(f(), none())
print(none(), f())
local a, b, c, d = f(), 10
print(a, b, c, d)
print(select('#', none()), select('#', (none())))
print(#{f(), nil}, select('#', f(), nil))
