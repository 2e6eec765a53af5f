-- every operator / punctuation token of Lua 5.4
local a, b = 7, 3
print("add", a + b, "sub", a - b, "mul", a * b, "div", a / b)
print("idiv", a // b, "mod", a % b, "pow", a ^ b, "unm", -a)
print("len", #"hello", "band", a & b, "bxor", a ~ b, "bor", a | b, "bnot", ~a)
print("shl", a << b, "shr", a >> 1)
print("eq", a == b, "ne", a ~= b, "le", a <= b, "ge", a >= b, "lt", a < b, "gt", a > b)
local t = {x = 1; y = 2, [3] = "three"}
print("index", t.x, t["y"], t[3])
print("concat", "a" .. "b" .. 1 .. 2)
local function va(...) return select('#', ...) end
print("vararg", va(1, 2, 3))
goto done
print("skipped")
::done::
local obj = {n = 5}
function obj:get() return self.n end
print("method", obj:get());
;;; print("semicolons ok")
