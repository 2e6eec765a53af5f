-- the FILE* metatable: __name, __index with the methods, __tostring, __close, __gc
local mt = getmetatable(io.stdout)
local keys = {}
for k in pairs(mt) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
keys = {}
for k, v in pairs(mt.__index) do keys[#keys + 1] = k .. ":" .. type(v) end
table.sort(keys)
print(table.concat(keys, " "))
print(mt.__name, type(mt.__tostring), type(mt.__gc), type(mt.__close))
print(getmetatable(io.stdin) == mt)
print((tostring(io.stdout):gsub("0x%x+", "ADDR")))
local name = "file_metatable.tmp"
local f = assert(io.open(name, "w"))
print((tostring(f):gsub("0x%x+", "ADDR")))
f:close()
print(tostring(f))
print(mt.__tostring(f))
print(pcall(mt.__tostring, 42))
-- __gc and __close on a closed file do nothing
print(select("#", mt.__gc(f)), select("#", mt.__close(f)))
f = assert(io.open(name))
mt.__close(f)
print(io.type(f))
f = assert(io.open(name))
mt.__gc(f)
print(io.type(f))
print(pcall(f.read, 42))
print(pcall(io.stdin.read))
print(f.read ~= nil)
os.remove(name)
