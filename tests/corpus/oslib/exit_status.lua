-- os.exit with a status code; buffered output is flushed first
io.write("buffered output without newline")
print()
print("last line")
os.exit(3)
print("not reached")
