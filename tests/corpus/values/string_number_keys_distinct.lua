local t = {}
t[1] = "number one"
t["1"] = "string one"
print(t[1], t["1"], t[1.0])
t["10"] = "s"
print(t[10], t["10"])
local n = 0
for k, v in pairs(t) do n = n + 1 end
print("entries", n)
