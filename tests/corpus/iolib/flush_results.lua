-- flush returns true; files are flushed by close
local name = "flush_results.tmp"
local f = assert(io.open(name, "w"))
print(f:flush())
f:write("x")
print(f:flush(), io.flush(), io.stdout:flush(), io.stderr:flush())
print(select("#", f:flush()))
f:close()
print(pcall(f.flush, f))
print(pcall(io.flush, 1))
os.remove(name)
