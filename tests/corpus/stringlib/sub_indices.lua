-- string.sub index rules
local s = "abcdefgh"
local idx = {0, 1, 3, 8, 9, -1, -3, -8, -9, 100, -100, math.maxinteger, math.mininteger}
for _, i in ipairs(idx) do
  local line = {}
  for _, j in ipairs(idx) do line[#line + 1] = "[" .. s:sub(i, j) .. "]" end
  print(i, table.concat(line))
end
for _, i in ipairs(idx) do io.write("[", s:sub(i), "]") end print()
print(("hello"):sub(2.0, "4"), ("hello"):sub("-3"), string.sub(12345, 2, 3), string.sub(1.5, 1, 2))
print(pcall(string.sub, "x"))
print(pcall(string.sub, "x", 1.5))
print(pcall(string.sub, "x", 1, "y"))
print(pcall(string.sub))
print(pcall(string.sub, nil, 1))
print(("") :sub(1, 1) == "", ("abc"):sub(0) == "abc")
