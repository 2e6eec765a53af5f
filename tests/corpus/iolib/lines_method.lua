-- file:lines keeps the file open at the end and honours formats
local name = "lines_method.tmp"
local f = assert(io.open(name, "w"))
f:write("1 2 3\n4 5 6\nend\n")
f:close()

f = assert(io.open(name))
for a, b, c in f:lines("n", "n", "n") do print(a, b, c) end
print(io.type(f), string.format("%q", f:read("a")))
f:seek("set")
local n = 0
for l in f:lines() do n = n + 1 end
print("lines", n, io.type(f))
f:seek("set")
local it = f:lines("l")
print(select("#", f:lines()))
print(it())
f:close()
print(pcall(it))
print(pcall(f.lines, f))
os.remove(name)
