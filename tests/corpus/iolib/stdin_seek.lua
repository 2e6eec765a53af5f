-- io.stdin:seek when stdin is a regular file (conformance I2): fseek/ftell on fd 0
print(io.stdin:seek("set", 6))
print(io.read("l"))
print(io.stdin:seek())
print(io.stdin:seek("set"))
print(io.read(3))
print(io.stdin:seek("cur"))
print(io.stdin:seek("cur", 2))
print(io.read("l"))
print(io.read("n"), io.stdin:seek("cur"))   -- the look-ahead byte given back counts
print(io.read("l"))
print(io.stdin:seek("end"))
print(io.read("a"))
print(io.stdin:seek("end", -5))
print(io.read("a"))
print(io.stdin:seek("set", -1))
print(io.stdin:seek("set", 12))
for l in io.lines() do print(#l, l) end
print(io.stdin:seek("cur", -4), io.read(2))
