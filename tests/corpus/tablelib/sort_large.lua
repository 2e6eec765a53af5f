-- table.sort on larger arrays: sortedness and, for equal keys, the reference's exact permutation
math.randomseed(12345)
local function check(t, lt)
  for i = 2, #t do if lt(t[i], t[i - 1]) then return false end end
  return true
end
local function lt(a, b) return a < b end
for _, n in ipairs{10, 100, 101, 257, 1000, 10000} do
  local t = {}
  for i = 1, n do t[i] = math.random(1, n) end
  table.sort(t)
  local sum = 0
  for i = 1, n do sum = sum + t[i] * i end
  print(n, check(t, lt), sum)
end
for _, n in ipairs{50, 150, 1000} do
  local r = {}
  for i = 1, n do r[i] = {k = math.random(1, 10), id = i} end
  table.sort(r, function(a, b) return a.k < b.k end)
  local h = 0
  for i = 1, n do h = (h * 31 + r[i].id) % 1000000007 end
  print(n, h)
end
local t = {}
for i = 1, 20000 do t[i] = math.random() end
table.sort(t)
print(check(t, lt))
local s = {}
for i = 1, 5000 do s[i] = tostring(math.random(1, 100000)) end
table.sort(s)
print(check(s, lt), s[1], s[#s])
table.sort(t, function(a, b) return a > b end)
print(check(t, function(a, b) return a > b end))
