local function f(a) return type(a), a end
print(f"string")
print(f[[long string]])
local ty, tb = f{1, 2}
print(ty, #tb)
print(type(f{}))
local function chain(x) return function(y) return function(z) return x .. y .. z end end end
print(chain "a" "b" "c")
print(chain"1"[[2]]"3")
local t = {f = function(s) return "field " .. s end}
print(t.f"x")
