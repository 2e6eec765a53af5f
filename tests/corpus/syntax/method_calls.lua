local obj = {name = "obj", calls = 0}
function obj:hello(greet) self.calls = self.calls + 1 return (greet or "hi") .. " " .. self.name end
print(obj:hello())
print(obj:hello("hey"))
print(obj:hello"str")
print(obj.hello(obj, "explicit"))
function obj:tbl(t) return #t end
print(obj:tbl{1, 2, 3})
print(obj:hello[[long]])
print("calls", obj.calls)
local s = "abc"
print(s:upper(), ("x"):rep(3), #s:rep(2))
