-- <const> locals with a value known at compile time are constants, not
-- variables: no closure captures them, they have no slot, and a dumped
-- function that uses one keeps its value
local N <const> = 10
local S <const> = "str"
local NEG <const> = -5
local F <const> = -2.5
local B <const> = not nil
local ALIAS <const> = N
local P <const> = (7)
local a, b <const> = 1, 2          -- only the last one of the list can be a constant
local t <const> = {}               -- not a compile-time value: an ordinary local
local function f() return N, S, NEG, F, B, ALIAS, P, a, b, type(t) end
print(f())
print((debug.getupvalue(f, 1)), (debug.getupvalue(f, 2)), (debug.getupvalue(f, 3)))
print(select('#', debug.getupvalue(f, 4)))
local g = load(string.dump(f))
debug.setupvalue(g, 2, _ENV)
debug.setupvalue(g, 1, "upvalue 1")   -- load set it to the environment
print(g())
-- through an intermediate function that does not use the constant itself
local function outer()
  return function() return N + NEG end
end
print(outer()(), load(string.dump(outer))()())
print(debug.getupvalue(outer, 1))
-- names of constants are not variable names in error messages
local NIL <const> = nil
print(pcall(function() return NIL.x end))
print(pcall(function() return N() end))
print(pcall(function() return S.y.z end))
-- assignment to a constant is a compile error
print(load("local c <const> = 1; c = 2"))
print(load("local c <const> = 1; local function f() c = 2 end"))
-- shadowing
local N = "shadow"
print(N, (function() return N end)())
do
  local X <const> = "inner"
  local function h() local X = "local" return X end
  print(h(), X)
end
