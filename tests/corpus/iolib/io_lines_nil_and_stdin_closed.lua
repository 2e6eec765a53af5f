-- io.lines(nil) uses the default input; io.read on a closed default input errors
local name = "io_lines_nil_and_stdin_closed.tmp"
local f = assert(io.open(name, "w"))
f:write("x\ny\n")
f:close()
io.input(name)
for l in io.lines(nil) do print(l) end
print(io.type(io.input()))
io.input():close()
print(pcall(io.read, "l"))
print(pcall(io.lines, nil, "l"))
io.input(io.stdin)
os.remove(name)
