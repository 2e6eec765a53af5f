-- generators consuming generators
local function numbers(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local function map(f, g)
  return coroutine.wrap(function() for v in g do coroutine.yield(f(v)) end end)
end
local function take(k, g)
  return coroutine.wrap(function()
    for _ = 1, k do
      local v = g()
      if v == nil then return end
      coroutine.yield(v)
    end
  end)
end
local out = {}
for v in take(5, map(function(x) return x * x end, numbers(100))) do out[#out + 1] = v end
print(table.concat(out, ","))
