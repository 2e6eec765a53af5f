local fns = {}
local i = 1
::loop::
local x = i * 10
fns[i] = function() return x end
i = i + 1
if i <= 3 then goto loop end
print(fns[1](), fns[2](), fns[3]())
