local n = 0
for line in io.lines() do
  n = n + 1
  print(n, "[" .. line .. "]", #line)
end
print("lines", n)
print("after eof", io.read())
