-- seeded math.random sequences are the reference's (xoshiro256**)
for _, seed in ipairs{42, 0, -1, 1, 123456789, math.maxinteger, math.mininteger} do
  math.randomseed(seed)
  local out = {}
  for i = 1, 5 do out[#out + 1] = math.random(1, 100) end
  for i = 1, 3 do out[#out + 1] = string.format("%.17g", math.random()) end
  for i = 1, 3 do out[#out + 1] = math.random(0) end
  out[#out + 1] = math.random(10)
  out[#out + 1] = math.random(-5, 5)
  print(seed, table.concat(out, " "))
end
math.randomseed(7, 99)
print(math.random(0), math.random(1000))
math.randomseed(7.0)
print(math.random(0))
math.randomseed("8")
print(math.random(0))
