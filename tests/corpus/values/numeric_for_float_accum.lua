local c = 0
for x = 0, 1, 0.1 do c = c + 1 end
print("0..1 step 0.1 iterations", c)
local s = 0
for x = 1, 100 do s = s + 1 / x end
print(string.format("%.10f", s))
local acc = 0.0
for i = 1, 10 do acc = acc + 0.1 end
print(acc, acc == 1.0, string.format("%.17g", acc))
