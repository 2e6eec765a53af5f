-- which fields each option letter gives, and invalid options
local function fields(what)
  local t = debug.getinfo(1, what)
  local r = {}
  for k in pairs(t) do r[#r + 1] = k end
  table.sort(r)
  return table.concat(r, " ")
end
for _, opt in ipairs({"S", "l", "u", "n", "r", "t", "L", "f", "", "SlnrtuLf", "nn"}) do
  print(string.format("%-9s", opt), fields(opt))
end
local r = {}
for k in pairs(debug.getinfo(1)) do r[#r + 1] = k end
table.sort(r)
print("default", table.concat(r, " "))
print(pcall(debug.getinfo, 1, "x"))
print(pcall(debug.getinfo, 1, "Sx"))
print(pcall(debug.getinfo, 1, ">S"))
print(pcall(debug.getinfo, print, ">"))
print(pcall(debug.getinfo, 1, {}))
print(pcall(debug.getinfo, print, "q"))
print(debug.getinfo(50, "x"))
