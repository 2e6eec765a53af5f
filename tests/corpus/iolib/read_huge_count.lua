-- read(n) allocates its buffer for n bytes first in lua5.4: a negative or huge count fails with
-- "not enough memory" whatever the file holds; a count beyond the file's size but within memory reads it
local name = os.tmpname()
local f = assert(io.open(name, "w")); f:write("abc"); f:close()
f = assert(io.open(name))
print(pcall(f.read, f, -1))
print(pcall(f.read, f, math.maxinteger))
print(pcall(f.read, f, 1 << 50))
print(pcall(f.read, f, 1 << 20))
print(pcall(f.read, f, 1 << 20))
f:close()
for l in io.lines(name, 1 << 10) do print("lines", l) end
print(pcall(function() for l in io.lines(name, math.maxinteger) do print(l) end end))
os.remove(name)
