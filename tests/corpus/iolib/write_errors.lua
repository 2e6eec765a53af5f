-- write checks its arguments (strings or numbers only) and reports failures
local name = "write_errors.tmp"
local f = assert(io.open(name, "w"))
print(pcall(f.write, f, {}))
print(pcall(f.write, f, nil))
print(pcall(f.write, f, "ok", true))
print(pcall(function() f:write("a", "b", {}) end))
print(pcall(io.write, "x", {}))
print(pcall(function() io.write(nil) end))
print(f:write() == f)
f:close()
print(pcall(f.write, f, "x"))
-- writing to a file opened for reading fails with EBADF
f = assert(io.open(name, "r"))
print(f:write("x"))
print(f:write(12))
f:close()
-- reading from a file opened for writing fails too
f = assert(io.open(name, "w"))
print(f:read("l"))
print(f:read("a"))
f:close()
os.remove(name)
