-- math.tointeger and math.type
for _, v in ipairs{3, 3.0, 3.5, -0.0, 2^53, 2^63, -2^63, 1/0, "3", "3.0", "3.5", "0x10", " 5 ", "x", true} do
  print(tostring(v), math.tointeger(v), math.type(v))
end
print(math.tointeger(0/0), math.type(0/0))
print(pcall(math.tointeger))
print(pcall(math.type))
print(math.type(nil), math.type(print), math.tointeger({}), math.type({}))
