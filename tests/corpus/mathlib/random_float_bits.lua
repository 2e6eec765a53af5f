-- the float conversion takes the top 53 bits of each random value
math.randomseed(1234)
for i = 1, 8 do
  local f = math.random()
  print(string.format("%a %.17g", f, f))
end
math.randomseed(1234)
for i = 1, 8 do
  local n = math.random(0)
  print(string.format("%016x", n), string.format("%.17g", (n >> 11) * 2.0^-53))
end
