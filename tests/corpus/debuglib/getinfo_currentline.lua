-- currentline follows the running line
local function line() return debug.getinfo(2, "l").currentline end
print(line())
local a = line()
local b =
  line()
print(a, b)
local function here()
  return debug.getinfo(1, "l").currentline
end
print(here())
if true then
  print(line())
end
for i = 1, 2 do
  print(i, line())
end
print(debug.getinfo(1, "l").currentline)
