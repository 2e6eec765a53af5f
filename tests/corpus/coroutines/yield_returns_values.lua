-- yield hands any number of values (nil holes included) to resume
local co = coroutine.create(function()
  coroutine.yield()
  coroutine.yield(nil)
  coroutine.yield(1, nil, 3)
  coroutine.yield(nil, nil)
  return nil, nil, nil
end)
for i = 1, 6 do
  local r = table.pack(coroutine.resume(co))
  print(i, "n=" .. r.n, table.unpack(r, 1, r.n))
end
