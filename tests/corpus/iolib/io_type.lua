-- io.type distinguishes open files, closed files and everything else
local name = "io_type.tmp"
local f = assert(io.open(name, "w"))
print(io.type(f), io.type(io.stdin), io.type(io.stdout), io.type(io.stderr))
f:close()
print(io.type(f))
print(io.type(nil), io.type(1), io.type("file"), io.type({}), io.type(print), io.type(coroutine.create(print)))
print(pcall(io.type))
print(select("#", io.type(nil)))
os.remove(name)
