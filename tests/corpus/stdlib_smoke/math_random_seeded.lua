-- only properties that hold for any generator output are printed
math.randomseed(42)
local ok = true
for i = 1, 1000 do
  local r = math.random(1, 6)
  if r < 1 or r > 6 or math.type(r) ~= "integer" then ok = false end
  local f = math.random()
  if f < 0 or f >= 1 then ok = false end
end
print("ranges ok", ok)
math.randomseed(7)
local a = {math.random(100), math.random(100), math.random(100)}
math.randomseed(7)
local b = {math.random(100), math.random(100), math.random(100)}
print("same seed same sequence", a[1] == b[1] and a[2] == b[2] and a[3] == b[3])
print(math.random(5, 5), math.random(math.mininteger, math.mininteger))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 3, 1))
