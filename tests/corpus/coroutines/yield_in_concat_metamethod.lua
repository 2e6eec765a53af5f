-- __concat may yield, also in the middle of a chain of concatenations
local mt = {__concat = function(a, b)
  local sa = type(a) == "table" and a.s or a
  local sb = type(b) == "table" and b.s or b
  coroutine.yield("concat " .. sa .. "+" .. sb)
  return setmetatable({s = sa .. sb}, getmetatable(type(a) == "table" and a or b))
end}
local co = coroutine.create(function()
  local x = "a" .. setmetatable({s = "B"}, mt) .. "c"
  return x.s
end)
while coroutine.status(co) ~= "dead" do
  print(coroutine.resume(co))
end
