-- io.lines() with no file name iterates standard input and does not close it
local n = 0
for l in io.lines() do
  n = n + 1
  print(n, l)
  if n == 3 then break end
end
for a, b in io.lines(nil, 1, "l") do print(a, b) end
print(io.type(io.stdin), io.read())
