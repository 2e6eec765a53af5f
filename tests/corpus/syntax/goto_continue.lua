for i = 1, 6 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
local i = 0
while i < 6 do
  i = i + 1
  if i == 3 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
i = 0
repeat
  i = i + 1
  if i == 2 then goto skip end
  io.write(i, " ")
  ::skip::
until i >= 4
print()
