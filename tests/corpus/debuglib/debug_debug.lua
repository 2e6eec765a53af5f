-- debug.debug runs lines from standard input until "cont"
x = 1
debug.debug()
print("after debug, x =", x)
