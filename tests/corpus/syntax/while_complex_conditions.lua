local t = {3, 1, 4, 1, 5, 9, 2, 6}
local i = 1
while t[i] and t[i] ~= 9 do i = i + 1 end
print("index of 9", i)
local a, b = 0, 10
while a < b and (b - a) > 2 do a = a + 1; b = b - 1 end
print(a, b)
local n = 27
local steps = 0
while n ~= 1 do
  if n % 2 == 0 then n = n // 2 else n = 3 * n + 1 end
  steps = steps + 1
end
print("collatz 27 steps", steps)
