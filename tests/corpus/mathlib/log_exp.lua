-- math.log (with bases) and math.exp
for _, x in ipairs{1, 2, 8, 10, 100, 1000, 1024, 0.5, 0.001, 2^-1074, 2^1023, 0, -1, 1/0, 3, 7.5} do
  print(x, math.log(x), math.log(x, 2), math.log(x, 10), math.log(x, 3), math.log(x, 0.5))
end
print(math.log(8, 2.0), math.log(100, 10.0), math.log(2, 0), math.log(2, 1), math.log(0, 0), math.log(1, 1))
print(math.log("8", "2"), math.log(8, nil))
for _, x in ipairs{0, 1, -1, 0.5, 10, 100, 709, 710, -745, -746, 1/0, -1/0} do print(x, math.exp(x)) end
print(pcall(math.log))
print(pcall(math.log, 8, "x"))
print(pcall(math.exp, {}))
