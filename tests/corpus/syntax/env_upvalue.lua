local function mk(env)
  local _ENV = env
  return function() return value end
end
local f1 = mk({value = "one"})
local f2 = mk({value = "two"})
print(f1(), f2())
local code = load("v = 5; return v * 2", "chunk", "t", {})
print(code())
local env = {}
load("a = 1; b = 2", "c", "t", env)()
print(env.a, env.b, rawget(_G, "a"))
