local sum, count = 0, 0
while true do
  local n = io.read("n")
  if not n then break end
  sum = sum + n
  count = count + 1
  io.write(math.type(n), " ")
end
print()
print("count", count, "sum", sum)
print("rest", string.format("%q", io.read("a")))
