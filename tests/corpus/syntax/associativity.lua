print(2 ^ 2 ^ 3, (2 ^ 2) ^ 3)
print(100 - 10 - 1, 100 - (10 - 1))
print(64 / 4 / 2, 64 / (4 / 2))
print(64 // 4 // 3, 64 // (4 // 3))
print(17 % 7 % 2, 17 % (7 % 2))
print(1 << 2 << 3, 256 >> 2 >> 1)
print(12 ~ 6 ~ 3)
local t = setmetatable({}, {__concat = function(a, b)
  local function s(x) return type(x) == "table" and "T" or x end
  return "(" .. s(a) .. "+" .. s(b) .. ")"
end})
-- ("a" .. "b" .. t is left out: when the __concat metamethod's own work makes lua5.4.4
-- reallocate its stack, the reference loses the metamethod's result; a bug not reproduced)
print(("a" .. "b") .. t)
print(t .. "a" .. "b")
print("a" .. t .. "b")
