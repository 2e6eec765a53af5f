local t = {}
t[1] = "a"; t[1.0] = "b"; t["1"] = "c"
print(t[1], t["1"])
local k = "key"
t[k] = "v"; t[k .. "2"] = "v2"
print(t.key, t.key2)
local m = {{1, 2}, {3, 4}}
print(m[2][1], m[1][2], #m[1])
local function getT() return t end
getT().fromcall = "yes"
print(t.fromcall)
print(("s"):len(), #{n = 1}, ({10, 20})[2])
