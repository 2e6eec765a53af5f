-- several formats at once; the first failure gives nil and stops
local name = "read_multiple_formats.tmp"
local f = assert(io.open(name, "w"))
f:write("10 20 abc\nline2\n3.5\n")
f:close()

f = assert(io.open(name))
print(f:read("n", "n", "n", "l"))
f:seek("set")
print(f:read("n", "n", "l", "l", "n", "l"))
print(f:read("l", "l"))
print(select("#", f:read("l", "l", "l")))
f:seek("set")
print(f:read(2, 1, "l", 0, "L"))
f:seek("set")
local t = {f:read("a", "a", "l")}
print(#t, string.format("%q", t[1]), string.format("%q", t[2]), t[3])
f:close()
os.remove(name)
