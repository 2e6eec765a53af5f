local x = 5
assert(x > 10, "x must be greater than 10")
