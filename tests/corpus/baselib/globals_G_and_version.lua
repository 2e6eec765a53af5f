print(_VERSION)
print(_G._G == _G, _G.print == print, _ENV == _G)
newglobal = "hello"
print(_G.newglobal, rawget(_G, "newglobal"))
_G.viaG = 42
print(viaG)
local names = {}
for k, v in pairs(_G) do if type(v) == "table" and k ~= "_G" then names[#names + 1] = k end end
table.sort(names)
print(table.concat(names, " "))
local fns = {}
for k, v in pairs(_G) do if type(v) == "function" then fns[#fns + 1] = k end end
table.sort(fns)
print(table.concat(fns, " "))
