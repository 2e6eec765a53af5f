-- print flushes after each call (lua_writeline); io.write does not, so its output
-- comes after what a child process writes meanwhile
print("first")
os.execute("echo from child")
io.write("buffered ")
os.execute("echo child two")
print("after")
io.stdout:write("via io.stdout ")
os.execute("echo child three")
io.stdout:flush()
os.execute("echo child four")
print("end")
