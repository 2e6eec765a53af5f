local _ = 1
local __ = 2
local _x1 = 3
local X, x = "upper", "lower"
local a_b_c_123 = 4
print(_, __, _x1, X, x, a_b_c_123)
local t = {}
t._private = "p"
t.Name9 = "n"
print(t._private, t.Name9)
print(_ENV == _G, type(_ENV))
local veryLongIdentifierNameThatKeepsGoingAndGoingForeverAndEver = 42
print(veryLongIdentifierNameThatKeepsGoingAndGoingForeverAndEver)
