print("before exit")
io.write("unflushed text without newline")
os.exit(3)
print("never")
