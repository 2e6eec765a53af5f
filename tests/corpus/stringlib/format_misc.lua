-- mixed conversions, %%, extra arguments, method calls on format strings
print(string.format("%s=%d (%5.1f%%) [%x] %q", "n", 42, 99.44, 255, "x\ty"))
print(string.format("no conversions"), string.format("extra", 1, 2, 3))
print(("%d-%d"):format(1, 2), ("%5.2f"):format("3.14159"))
print(string.format("%3d|%-3d|%03d", 5, 5, 5))
local t = {}
for i = 1, 10 do t[#t + 1] = string.format("%02d:%02d", i, i * 7 % 60) end
print(table.concat(t, " "))
print(string.format("%.3f %.3f %.3f", 1/3, 2/3, 1))
print(string.format("%5.1f|%-8.3e|%+g", 3.14159, 3.14159, 3.14159))
print(string.format("%i%%", 50), string.format("%.14g", 0.1), string.format("%.17g", 0.1))
print(#string.format("%099d", 7), #string.format("%-99.99f", 1), #string.format("%.99f", 1e308))
print(string.format("%.99f", 0.1))
print(string.format("%99.99f", -1e300):sub(1, 40))
