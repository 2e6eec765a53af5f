io.stderr:write("to stderr\n")
io.stdout:write("to stdout\n")
io.stderr:write("more stderr\n")
print("done")
