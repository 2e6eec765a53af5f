local c = 0
for i = math.maxinteger - 2, math.maxinteger do c = c + 1 end
print("near maxinteger", c)
c = 0
for i = math.mininteger + 2, math.mininteger, -1 do c = c + 1 end
print("near mininteger", c)
c = 0
for i = math.mininteger, math.mininteger + 10, 5 do c = c + 1 end
print("step 5", c)
c = 0
for i = 1, math.huge do c = c + 1 if c == 4 then break end end
print("to huge", c)
c = 0
for i = 1, -math.huge do c = c + 1 end
print("to -huge", c)
c = 0
for i = 3, 1.5, -1 do c = c + 1 io.write(i, " ") end
print("float limit with int loop", c)
c = 0
for i = math.maxinteger - 1, math.huge do c = c + 1 end
print("int loop to float huge", c)
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() for i = 1.0, 10, 0.0 do end end))
print(pcall(function() for i = "a", 10 do end end))
print(pcall(function() for i = 1, "x" do end end))
print(pcall(function() for i = 1, 2, {} do end end))
print(pcall(function() for i = "1", 2 do end end))
