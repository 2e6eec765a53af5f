-- every method of a closed file raises "attempt to use a closed file"
local name = "closed_file_methods.tmp"
local f = assert(io.open(name, "w"))
f:close()
for _, m in ipairs({"close", "flush", "lines", "read", "seek", "setvbuf", "write"}) do
  print(m, pcall(f[m], f, "full"))
end
print(pcall(function() return f:read() end))
print(type(select(2, pcall(io.lines, nil))))
print(pcall(io.input, f))
print(io.type(f), tostring(f))
os.remove(name)
