local x = "outer"
local function show() return x end
do
  local x = "inner"
  print(x, show())
end
for x = 1, 2 do io.write(x, " ") end print(x)
local function param(x) return x end
print(param("param"), x)
local y = 1
local y = y + 1
local y = y * 10
print(y)
local g = 5
local function uses_global() return rawget(_G, "g") end
print(uses_global())
