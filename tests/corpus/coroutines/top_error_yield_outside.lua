-- yield at the top level is an uncaught error
print("before")
coroutine.yield(1)
print("not reached")
