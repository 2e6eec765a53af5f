local names = {}
for i = 1, 201 do names[i] = "v" .. i end
print(load("local " .. table.concat(names, ", ")))
names[201] = nil
print(load("local " .. table.concat(names, ", ")) ~= nil)
local parts = {}
for i = 1, 200 do parts[i] = "local a" .. i .. " = " .. i end
print(load(table.concat(parts, "\n")) ~= nil)
parts[201] = "local a201 = 201"
print(load(table.concat(parts, "\n")))
