-- bad argument messages of the math functions, called through different names
local names = {"abs", "ceil", "floor", "sqrt", "exp", "sin", "cos", "tan", "asin", "acos", "deg", "rad", "modf", "log", "tointeger"}
for _, n in ipairs(names) do
  print(n, select(2, pcall(math[n], {})))
end
print(pcall(function() return math.floor({}) end))
print(pcall(function() local f = math.floor return f("x") end))
print(pcall(function() local m = {f = math.sqrt} return m.f(true) end))
print(pcall(function() return math.fmod(1, 0) end))
print(pcall(function() return math.random(3, 1) end))
print(pcall(function() return math.ult(1, 2.5) end))
