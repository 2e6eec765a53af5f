-- os.exit argument errors happen before exiting
print(pcall(os.exit, "x"))
print(pcall(os.exit, {}))
print(pcall(os.exit, 1.5))
print("still running")
os.exit(256 + 7)
