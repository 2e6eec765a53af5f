local i = 1
::top::
io.write(i, " ")
i = i + 1
if i <= 5 then goto top end
print()
-- backward goto creating fresh locals each time
local fns = {}
local n = 0
::again::
do
  local captured = n
  fns[#fns + 1] = function() return captured end
end
n = n + 1
if n < 3 then goto again end
print(fns[1](), fns[2](), fns[3]())
