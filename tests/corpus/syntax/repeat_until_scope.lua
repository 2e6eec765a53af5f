local i = 0
repeat
  local j = i * 2
  i = i + 1
until j >= 6   -- until sees the body's local j
print("i", i)
local count = 0
repeat count = count + 1 until true
print("once", count)
local k = 0
repeat
  k = k + 1
  if k == 3 then break end
until false
print("k", k)
