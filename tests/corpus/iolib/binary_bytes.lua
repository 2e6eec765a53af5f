-- all 256 byte values survive a write and a read
local name = "binary_bytes.tmp"
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local s = table.concat(t)
local f = assert(io.open(name, "wb"))
f:write(s, s)
f:close()
f = assert(io.open(name, "rb"))
local r = f:read("a")
f:close()
print(#r, r == s .. s)
f = assert(io.open(name, "rb"))
local count = 0
for l in f:lines("L") do count = count + 1 end
f:close()
print("lines", count)
f = assert(io.open(name, "rb"))
print(f:read(10):byte(1, -1))
print(#f:read("l"))
print(f:read(1):byte())
f:close()
os.remove(name)
