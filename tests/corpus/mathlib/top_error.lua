-- an uncaught error from the math library
print(math.random(1, 1))
local x = math.random(2, 1)
print("not reached", x)
