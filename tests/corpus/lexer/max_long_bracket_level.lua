local s = [==========[ten equals]==========]
print(s)
local src = "return [" .. string.rep("=", 50) .. "[fifty]" .. string.rep("=", 50) .. "]"
print(load(src)())
