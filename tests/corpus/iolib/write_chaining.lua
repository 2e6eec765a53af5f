-- write returns the file, so calls chain; io.write returns the default output
local name = "write_chaining.tmp"
local f = assert(io.open(name, "w"))
local r = f:write("a"):write("b", "c"):write(1, 2.5)
print(r == f, io.type(r))
f:close()
f = assert(io.open(name))
print(f:read("a"))
f:close()
os.remove(name)
print(io.write("x", "y") == io.stdout)
io.write("\n"):write("chained\n")
print(io.stdout:write("via stdout\n") == io.stdout)
