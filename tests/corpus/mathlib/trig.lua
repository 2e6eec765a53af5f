-- trigonometric functions (printed with tostring's 14 digits)
for _, x in ipairs{0, -0.0, 0.5, 1, -1, 2, math.pi / 6, math.pi / 4, math.pi / 2, math.pi, 3 * math.pi / 2, 10, 100, 1e6, 1e22} do
  print(x, math.sin(x), math.cos(x), math.tan(x))
end
for _, x in ipairs{0, 0.5, -0.5, 1, -1, 0.25} do print(x, math.asin(x), math.acos(x), math.atan(x)) end
for _, y in ipairs{0, -0.0, 1, -1} do
  for _, x in ipairs{0, -0.0, 1, -1, 1/0, -1/0} do io.write(tostring(math.atan(y, x)), " ") end
  print()
end
print(math.atan(1/0), math.atan(-1/0), math.atan(1, 1/0), math.atan(1/0, 1/0))
print(math.sin(1/0) ~= math.sin(1/0), math.asin(2) ~= math.asin(2))
