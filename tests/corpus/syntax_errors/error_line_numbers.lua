local src = [[
local a = 1
local b = 2

local function f()
  return a +
end
]]
print(load(src))
print(load("x = 1\n\n\n\n\n\n\n\n\nx = = 2"))
print(load("x = [[\n\n\n]] y = = 1"))
print(load("x = 'abc\ny = 1"))
print(load("--[[\n\n\n\n]] 1"))
