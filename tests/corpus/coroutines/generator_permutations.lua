-- permutations by recursive generation with yields at every depth
local function permgen(a, n)
  n = n or #a
  if n <= 1 then
    coroutine.yield(a)
  else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
local count = 0
for p in permutations({"a", "b", "c"}) do
  count = count + 1
  print(count, table.concat(p, ""))
end
local n = 0
for _ in permutations({1, 2, 3, 4, 5}) do n = n + 1 end
print("5! =", n)
