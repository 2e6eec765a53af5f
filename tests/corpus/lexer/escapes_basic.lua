local s = "\a\b\f\n\r\t\v\\\"\'"
for i = 1, #s do io.write(s:byte(i), " ") end
print()
print('single "quotes" and \'escaped\'')
print("double 'quotes' and \"escaped\"")
print(#"\\", #"\"", #'\'')
