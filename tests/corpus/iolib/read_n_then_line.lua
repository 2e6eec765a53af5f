-- after read("n") the rest of the line is still there, look-ahead byte included
local name = "read_n_then_line.tmp"
local f = assert(io.open(name, "w"))
f:write("12 apples\n3.5\n-4x\n0x1Gz\n  7\n")
f:close()
f = assert(io.open(name))
print(f:read("n"), string.format("%q", f:read("l")))
print(f:read("n"), string.format("%q", f:read("l")))
print(f:read("n"), string.format("%q", f:read("l")))
print(f:read("n"), string.format("%q", f:read("l")))
print(f:read("n", "l"))
print(f:read("n"))
f:close()
os.remove(name)
