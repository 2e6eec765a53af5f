-- gmatch's init argument (5.4) and '^', which is not an anchor in gmatch
for _, init in ipairs{1, 2, 4, 5, 7, 8, 100, 0, -1, -3, -100} do
  local out = {}
  for w in ("abcabc"):gmatch("()b", init) do out[#out + 1] = w end
  print(init, #out, table.concat(out, ","))
end
for w in ("^a^a"):gmatch("^a") do io.write("[", w, "]") end print()
for w in ("aaa"):gmatch("^a") do io.write("[", w, "]") end print()
for p in ("abc"):gmatch("()", 4) do io.write(p) end print()
for p in ("abc"):gmatch("()", 5) do io.write(p) end print("none")
print(pcall(string.gmatch, "x"))
print(pcall(string.gmatch))
print(pcall(string.gmatch, "x", "y", "z"))
print(pcall(function() for x in ("abc"):gmatch("%") do end end))
