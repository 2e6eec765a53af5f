-- string.dump of functions that cannot be dumped, and argument errors
print(pcall(string.dump, print))
print(pcall(string.dump, string.format))
print(pcall(string.dump))
print(pcall(string.dump, {}))
print(pcall(string.dump, "x"))
print(pcall(string.dump, 1))
