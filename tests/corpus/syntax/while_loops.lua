local i, s = 0, 0
while i < 10 do i = i + 1; s = s + i end
print("sum", s)
while false do print("never") end
local n = 0
while true do
  n = n + 1
  if n >= 5 then break end
end
print("n", n)
local a, b = 0, 0
while a < 3 do
  a = a + 1
  b = 0
  while b < a do b = b + 1 end
  io.write(a, ":", b, " ")
end
print()
