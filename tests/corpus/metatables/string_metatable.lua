print(("x"):upper(), ("%d"):format(5), ("abc"):len(), ("  trim  "):match("^%s*(.-)%s*$"))
local mt = getmetatable("")
print(rawequal(mt.__index, string))
string.shout = function(s) return s:upper() .. "!" end
print(("hey"):shout())
print(#("abc"):rep(3))
print(("5") + 1, ("10") * "2")
print(pcall(function() return ("x"):bad() end))
print(pcall(function() local s = "q" return s.field.sub end))
