local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end
local out = {}
for v in gen(5) do out[#out + 1] = v end
print(table.concat(out, ","))
local function perms(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      perms(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local count = 0
for p in coroutine.wrap(function() perms({1, 2, 3}) end) do count = count + 1 io.write(table.concat(p), " ") end
print(count)
