-- comparison metamethods may yield; results are converted to booleans
local mt = {}
mt.__lt = function(a, b) coroutine.yield("lt") return a.v < b.v end
mt.__le = function(a, b) coroutine.yield("le") return a.v <= b.v end
mt.__eq = function(a, b) coroutine.yield("eq") return a.v == b.v end
local function O(v) return setmetatable({v = v}, mt) end
local co = coroutine.create(function()
  local r = {}
  r[1] = O(1) < O(2)
  r[2] = O(3) <= O(2)
  r[3] = O(5) == O(5)
  r[4] = O(1) > O(0)
  r[5] = O(1) ~= O(2)
  return table.unpack(r)
end)
while coroutine.status(co) ~= "dead" do
  print(coroutine.resume(co))
end
