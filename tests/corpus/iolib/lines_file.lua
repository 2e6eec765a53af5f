-- io.lines(name, ...) reads with the formats and closes the file at the end
local name = "lines_file.tmp"
local f = assert(io.open(name, "w"))
f:write("a\nbb\n\nccc\n12 34\nlast")
f:close()

for l in io.lines(name) do io.write("[", l, "]") end
print()
for l in io.lines(name, "L") do io.write("[", l, "]") end
print()
for a, b in io.lines(name, 1, 1) do io.write("<", a, "|", tostring(b), ">") end
print()
for c in io.lines(name, 3) do io.write("(", c, ")") end
print()
print(select("#", io.lines(name)))
local it, s, c, file = io.lines(name)
print(type(it), s, c, io.type(file))
print(it(), it(), it(), it(), it(), it())
print(select("#", it()))
print(io.type(file))
print(pcall(it))
os.remove(name)
