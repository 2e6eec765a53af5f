-- with the string metatable's arithmetic metamethods removed, arithmetic on a string
-- fails with the operator's own error (naming the operand), not the string library's
local smt = getmetatable("")
print(pcall(function() return "a" + 1 end))
print(pcall(function() local s = "10"; return s * 2 end))
local saved = {}
for _, e in ipairs{"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv"} do
  saved[e] = smt[e]; smt[e] = nil
end
print(pcall(function() return "a" + 1 end))
print(pcall(function() local s = "10"; return s * 2 end))
print(pcall(function() local s = "10"; return 2 - s end))
print(pcall(function() local t = {x = "3"}; return t.x / 1 end))
print(pcall(function() return -("5") end))
print(pcall(function() local s = "7"; return s // {} end))
print(pcall(function() local s = "7"; return {} % s end))
print(pcall(function() local s = "2"; return s ^ s end))
local v = setmetatable({}, {__add = function(a, b) return "tbl add" end})
print(pcall(function() return "1" + v end))
for e, f in pairs(saved) do smt[e] = f end
print(pcall(function() local s = "10"; return s * 2 end))
print(pcall(function() local s = "x"; return s * 2 end))
