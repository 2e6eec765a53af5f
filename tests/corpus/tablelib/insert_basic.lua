-- table.insert: append and insert at positions
local function show(t) local p = {} for i = 1, #t do p[i] = tostring(t[i]) end return "{" .. table.concat(p, ",") .. "} #" .. #t end
local t = {}
table.insert(t, "a")
table.insert(t, "b")
print(show(t))
table.insert(t, 1, "first")
print(show(t))
table.insert(t, 2, "second")
print(show(t))
table.insert(t, #t + 1, "last")
print(show(t))
table.insert(t, 3.0, "float pos")
print(show(t))
table.insert(t, "2", "string pos")
print(show(t))
local u = {1, 2, 3}
table.insert(u, 1, nil)
print(u[1], u[2], u[3], u[4])
local v = {}
for i = 1, 10 do table.insert(v, 1, i) end
print(show(v))
local w = {n = 0}
table.insert(w, "x")
print(w[1], w.n)
local z = {[0] = "zero"}
table.insert(z, "one")
print(z[0], z[1], #z)
print(select("#", table.insert({}, 1)))
