-- the iterator function of a generic for yields
local function iter(state, i)
  i = i + 1
  if i > state then return nil end
  coroutine.yield("iterating", i)
  return i
end
local co = coroutine.create(function()
  local s = 0
  for i in iter, 3, 0 do s = s + i end
  return "sum", s
end)
while true do
  local r = table.pack(coroutine.resume(co))
  print(table.unpack(r, 1, r.n))
  if coroutine.status(co) == "dead" then break end
end
