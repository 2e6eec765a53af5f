-- os.exit(false) exits with EXIT_FAILURE
io.write("partial")
os.exit(false)
