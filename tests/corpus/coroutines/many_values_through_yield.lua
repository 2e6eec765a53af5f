-- hundreds of values through resume and yield
local N = 250
local t = {}
for i = 1, N do t[i] = i end
local co = coroutine.create(function(...)
  local got = select("#", ...)
  local back = table.pack(coroutine.yield(...))
  return got, back.n, back[1], back[back.n]
end)
local r = table.pack(coroutine.resume(co, table.unpack(t)))
print(r.n, r[1], r[2], r[r.n])
print(coroutine.resume(co, table.unpack(t, 1, 200)))
