-- a command killed by a signal: nil, "signal", the signal number
print(os.execute("kill -9 $$"))
print(os.execute("kill -15 $$"))
print(os.execute("exit 137"))
