for i = 1, 3 do io.write(i, " ") end print()
for i = 3, 1, -1 do io.write(i, " ") end print()
for i = 1, 0 do io.write("never") end print("empty loop ok")
for i = 1, 10, 3 do io.write(i, " ") end print()
for i = 10, 1, -4 do io.write(i, " ") end print()
for i = 1, 2, 0.5 do io.write(i, " ") end print()
for i = 1.0, 3 do io.write(i, " ") end print()
for i = 1, 3.5 do io.write(i, " ") end print()
for i = 0.1, 0.35, 0.1 do io.write(string.format("%.1f", i), " ") end print()
for i = 1, 3 do
  local j = i
  i = i * 10       -- modifying the control variable does not affect iteration
  io.write(j, "->", i, " ")
end
print()
local n = 0
for i = 1, 5 do n = n + 1 end
print("iterations", n)
