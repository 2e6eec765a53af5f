-- math.deg and math.rad
for _, x in ipairs{0, 1, -1, math.pi, math.pi / 2, 2 * math.pi, 180, 90, 45, 1/0, 1e308} do
  print(x, math.deg(x), math.rad(x))
end
print(math.type(math.deg(1)), math.type(math.rad(1)))
print(math.deg(math.rad(30)), math.rad(math.deg(0.5)))
print(pcall(math.deg), pcall(math.rad, {}))
