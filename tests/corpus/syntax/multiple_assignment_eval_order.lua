-- all expressions are evaluated before any assignment
local log = {}
local function v(name, val) log[#log+1] = name return val end
local t = {}
local a, b = 1, 2
a, b = v("e1", b), v("e2", a)
print(a, b)
local k = 1
t[k], k = v("x", "first"), v("y", 2)
print(t[1], t[2], k)
local arr = {1, 2, 3}
local idx = 1
idx, arr[idx] = idx + 1, "changed"
print(idx, arr[1], arr[2])
print(table.concat(log, ","))
