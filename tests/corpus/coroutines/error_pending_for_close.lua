-- An error inside a coroutine leaves its pending to-be-closed values open until coroutine.close:
-- the closing value of a generic for too, not only <close> locals (found by the random program
-- generator: luahost closes the for's value while the error unwinds).
local K = {__close = function(o, e) print("close", o.id, e) end}
local co = coroutine.create(function()
  local x <close> = setmetatable({id = 1}, K)
  for k in function(s, c) if c < 1 then return c + 1 end end, nil, 0, setmetatable({id = 2}, K) do
    error("boom")
  end
end)
print(coroutine.resume(co))
print(coroutine.status(co))
print(coroutine.close(co))
print(coroutine.status(co))
local co2 = coroutine.wrap(function()
  for k in function(s, c) if c < 1 then return c + 1 end end, nil, 0, setmetatable({id = 3}, K) do
    error("in wrap")
  end
end)
print(pcall(co2))
