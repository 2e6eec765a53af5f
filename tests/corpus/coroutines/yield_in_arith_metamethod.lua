-- arithmetic and bitwise metamethods may yield
local mt = {}
local function V(x) return setmetatable({x = x}, mt) end
mt.__add = function(a, b) coroutine.yield("add") return V(a.x + b.x) end
mt.__mul = function(a, b) coroutine.yield("mul") return V(a.x * b.x) end
mt.__unm = function(a) coroutine.yield("unm") return V(-a.x) end
mt.__band = function(a, b) coroutine.yield("band") return V(a.x & b.x) end
local co = coroutine.create(function()
  local r = -(V(2) + V(3)) * V(4)
  local s = V(6) & V(3)
  return r.x, s.x
end)
while coroutine.status(co) ~= "dead" do
  print(coroutine.resume(co))
end
