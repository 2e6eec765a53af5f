-- line events for straight-line code and loops
local lines = {}
debug.sethook(function(event, line)
  lines[#lines + 1] = line
end, "l")
local t = 0
for i = 1, 3 do
  t = t + i
end
local j = 0
while j < 2 do
  j = j + 1
end
repeat
  j = j - 1
until j == 0
if t > 0 then
  t = 1
else
  t = 2
end
local function f(x)
  return x + 1
end
t = f(1)
for i = 1, 2 do t = t + 1 end
debug.sethook()
print(table.concat(lines, " "))
