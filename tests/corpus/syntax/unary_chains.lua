local x = 5
print(- -x, - - -x, not not x, not not nil, ~ ~x, ~ ~ ~x)
print(-(-x), -(- -x))
print(#"abc", -#"abc", not #"")
print(pcall(load("return ##'abc'")))
print(load("return - - 2")(), load("return - -2 + 1")())
print(2 - -2, 2- - -2)
