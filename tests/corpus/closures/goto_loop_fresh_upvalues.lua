local fs = {}
local i = 1
::top::
do
  local j = i
  fs[i] = function() j = j + 100 return j end
end
i = i + 1
if i <= 3 then goto top end
print(fs[1](), fs[1](), fs[2](), fs[3]())
