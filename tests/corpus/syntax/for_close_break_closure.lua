-- A generic for with a closing value (4th value) whose body has a closure over a body local and a
-- 'break': lua5.4 (5.4.4) does not close the value when the loop ends normally, and the function's
-- return later tries to close whatever the slot then holds ("attempt to call a nil value
-- (metamethod 'close')"). luahost closes it when the loop ends, as the manual says.
-- Found by the random program generator.
local K = {__close = function(o, e) print("close", o.id, e) end}
print(pcall(function()
  for k in function(s, c) if c < 0 then return c + 1 end end, nil, 0, setmetatable({id = 1}, K) do
    local c = 0
    local f = function() return c end
    if c then break end
  end
  local x, y = 1, 2
  print(x, y)
end))
