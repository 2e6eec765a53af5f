-- numbers are written as integers (%d) or floats (%.14g), not as tostring does
local name = "write_numbers.tmp"
local f = assert(io.open(name, "w"))
f:write(1, " ", 1.0, " ", -0.0, " ", 2.5, " ", 1e100, " ", 2^63, " ", math.maxinteger, " ", math.mininteger, "\n")
f:write(1/3, " ", 100.0, " ", 1e15, " ", 123456789012345.0, " ", 0.1, " ", -1.5e-7, "\n")
f:write(math.huge, " ", -math.huge, " ", 3 // 1, " ", 7 / 2, " ", 2^53, "\n")
f:close()
f = assert(io.open(name))
print(f:read("a"))
f:close()
os.remove(name)
io.write(1.0, " ", 10 // 3, " ", 10 / 2, " ", "str", "\n")
