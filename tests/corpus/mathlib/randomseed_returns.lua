-- math.randomseed returns the two seed components (5.4.4)
print(math.randomseed(42))
print(math.randomseed(-1))
print(math.randomseed(3, 4))
print(math.randomseed(2^53))
print(math.randomseed(7, nil))
-- without arguments the seed is random: only its shape is deterministic
local a, b = math.randomseed()
print(math.type(a), math.type(b), select("#", math.randomseed()))
