-- debug.debug returns at the end of input
debug.debug()
print("returned")
print(io.read("a"))
