-- <close> on a variable that is not the last of a local list closes that variable
-- (found by the random program generator: luahost closed the last one).
local K = {__close = function(o, e) print("close", o.id, e) end}
do
  local a, c <close>, b = 1, setmetatable({id = 7}, K), 3
  print(a, c.id, b)
end
do
  local c <close>, a, b = setmetatable({id = 8}, K), "x"
  print(c.id, a, b)
end
do
  local a, c <close>, b = 1, false, 3
  print(a, c, b)
end
print(pcall(function()
  local a, c <close>, b = 1, 42, 3
  print(a, c, b)
end))
print(pcall(function()
  local a <const>, c <close>, b = 1, setmetatable({id = 9}, K), {}
  error("boom")
end))
do
  local x <close>, y <const> = nil, 5
  print(x, y)
end
