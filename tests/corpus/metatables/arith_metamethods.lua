local V = {}
V.__index = V
local function v(x) return setmetatable({x = x}, V) end
local function val(a) return type(a) == "table" and a.x or a end
for _, ev in ipairs({"add", "sub", "mul", "div", "mod", "pow", "idiv"}) do
  V["__" .. ev] = function(a, b) return ev .. "(" .. tostring(val(a)) .. "," .. tostring(val(b)) .. ")" end
end
V.__unm = function(a, b) return "unm(" .. val(a) .. "," .. tostring(val(b)) .. ")" end
local a, b = v(6), v(4)
print(a + b, a - b, a * b, a / b)
print(a % b, a ^ b, a // b, -a)
print(a + 1, 1 + a, "s" * a, a - 2.5)
