local fs = {}
for i = 1, 3 do
  fs[#fs + 1] = function() i = i * 2 return i end
end
print(fs[1](), fs[1](), fs[2](), fs[3]())
