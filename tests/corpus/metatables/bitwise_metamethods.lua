local B = {}
local function b(x) return setmetatable({x = x}, B) end
local function val(a) return type(a) == "table" and a.x or a end
for _, ev in ipairs({"band", "bor", "bxor", "shl", "shr"}) do
  B["__" .. ev] = function(p, q) return ev .. "(" .. val(p) .. "," .. val(q) .. ")" end
end
B.__bnot = function(p) return "bnot(" .. val(p) .. ")" end
local x, y = b(12), b(10)
print(x & y, x | y, x ~ y, x << y, x >> y, ~x)
print(x & 1, 1 | x, 2.5 ~ x, x << 1.5)
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() return {} & 1 end))
