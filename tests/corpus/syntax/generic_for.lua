local t = {10, 20, 30}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end print()
local function range(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end
end
for i in range(4) do io.write(i, " ") end print()
local function iter(s, c)
  if c < s then return c + 1, c * c end
end
for a, b in iter, 3, 0 do io.write(a, ":", b, " ") end print()
for k, v in next, {5} do print("next", k, v) end
for a, b, c in function(_, i) if i < 2 then return i + 1, "b", "c" end end, nil, 0 do
  print(a, b, c)
end
print(pcall(function() for x in 42 do end end))
print(pcall(function() for x in nil do end end))
