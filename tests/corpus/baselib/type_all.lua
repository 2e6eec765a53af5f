local values = {nil, true, 0, 0.5, "", {}, print, function() end, coroutine.create(function() end), io.stdout}
for i = 1, 10 do io.write(type(values[i]), " ") end
print()
print(type(type), type(_G), type(_VERSION), type(math.pi), type(nil))
print(pcall(type))
