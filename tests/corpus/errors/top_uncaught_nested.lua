local function validate(x)
  if type(x) ~= "number" then
    error("expected number, got " .. type(x))
  end
  return x
end
local function process(list)
  local sum = 0
  for _, v in ipairs(list) do sum = sum + validate(v) end
  return sum
end
print(process({1, 2, 3}))
print(process({1, "two", 3}))
