-- an uncaught error from string.rep
local s = ("x"):rep(10)
print(#s)
local huge = s:rep(1 << 40)
print(#huge)
