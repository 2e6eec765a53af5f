-- Without a seed the generator starts from a random (time-based) state, so
-- only properties are checked here: types and ranges.
local ok = true
for i = 1, 1000 do
  local f = math.random()
  if math.type(f) ~= "float" or f < 0 or f >= 1 then ok = false end
  local n = math.random(1, 6)
  if math.type(n) ~= "integer" or n < 1 or n > 6 then ok = false end
  local m = math.random(10)
  if m < 1 or m > 10 then ok = false end
  if math.type(math.random(0)) ~= "integer" then ok = false end
end
print(ok)
local seen = {}
for i = 1, 600 do seen[math.random(6)] = true end
print(#seen)
