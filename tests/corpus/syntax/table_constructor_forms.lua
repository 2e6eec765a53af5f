local t = {1, 2, 3,}
print(#t)
t = {1; 2; 3;}
print(#t)
t = {[1] = "a", [2] = "b", x = "x", ["y z"] = "yz", [1 + 2] = "c"}
print(t[1], t[2], t[3], t.x, t["y z"])
t = {"pos1", [1] = "explicit", "pos2"}
print(t[1], t[2])
local function three() return 1, 2, 3 end
t = {three()}
print(#t)
t = {three(), three()}
print(#t)
t = {(three())}
print(#t)
t = {{1, {2, {3}}}}
print(t[1][2][2][1])
t = {f = function(x) return x * 2 end, ["g"] = function() return "g" end}
print(t.f(21), t.g())
t = {}
print(next(t))
t = {x = 1, x = 2}
print(t.x)
