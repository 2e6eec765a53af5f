-- constructors size the array part from the number of positional items,
-- so the border found by # is well defined by the reference here
print("{1,2,nil,4}", #{1, 2, nil, 4})
print("{1,nil,3}", #{1, nil, 3})
print("{nil,nil,3}", #{nil, nil, 3})
print("{1,2,nil}", #{1, 2, nil})
print("{nil}", #{nil})
print("{nil,2}", #{nil, 2})
print("{1,nil}", #{1, nil})
print("{1,2,3,nil,5,nil}", #{1, 2, 3, nil, 5, nil})
local function f() return 1, nil, 3 end
print("{f()}", #{f()})
print("{n=1,1,2}", #{n = 1, 1, 2})
