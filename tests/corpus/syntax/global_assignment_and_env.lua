x = 10
print(x, _G.x, _ENV.x)
_G.y = 20
print(y)
local _ENV = {print = print, tostring = tostring}
z = 30
print(z, x)
local function f()
  local _ENV = {tostring = tostring}
  w = 1
  return tostring(w)
end
print(f())
