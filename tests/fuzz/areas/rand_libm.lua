-- Area probe (conf13a): random arguments to x^y and the math library's transcendental functions, printed with %a (every bit); seeded, compare with lua5.4 (run.sh). Seed: arg[1] or 7.
math.randomseed(tonumber(arg and arg[1]) or 7)
local fs = {"sin", "cos", "tan", "asin", "acos", "atan", "exp", "log", "sqrt", "atan2", "log2", "log10", "logb", "cosh", "sinh", "tanh", "pow"}
local cnt = {}
for i = 1, 120000 do
  local name = fs[i % #fs + 1]
  local x = (math.random() - 0.5) * 10 ^ math.random(-3, 3)
  local y = (math.random() - 0.5) * 10 ^ math.random(-3, 3)
  local r
  if name == "atan2" then r = math.atan(x, y)
  elseif name == "log2" then r = math.log(math.abs(x), 2)
  elseif name == "log10" then r = math.log(math.abs(x), 10)
  elseif name == "logb" then r = math.log(math.abs(x), math.abs(y))
  elseif name == "pow" then r = math.abs(x) ^ y
  elseif name == "cosh" or name == "sinh" or name == "tanh" then r = math[name] and math[name](x) or 0
  else r = math[name](x) end
  print(name, string.format("%a %a %a", x, y, r))
end
