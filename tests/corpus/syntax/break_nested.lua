for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    io.write(i, ",", j, " ")
  end
end
print()
local i = 0
while true do
  i = i + 1
  repeat
    if i % 2 == 0 then break end
    io.write("odd", i, " ")
  until true
  if i > 5 then break end
end
print()
for i = 1, 10 do
  if i > 2 then break end
  local f = function() return i end
  io.write(f(), " ")
end
print()
