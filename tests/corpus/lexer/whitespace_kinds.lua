local src = "return\t1\v+\f2\r+ 3"
print(load(src)())
print(load("return\n\n\n4")())
print(load("   \t  return 5   ")())
