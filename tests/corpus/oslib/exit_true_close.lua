-- os.exit(true, true) closes the state and exits with EXIT_SUCCESS
print("closing")
os.exit(true, true)
