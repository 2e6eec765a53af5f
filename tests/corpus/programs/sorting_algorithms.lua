local function copy(t) local r = {} for i = 1, #t do r[i] = t[i] end return r end
local function insertion(t)
  for i = 2, #t do
    local v, j = t[i], i - 1
    while j >= 1 and t[j] > v do t[j + 1] = t[j] j = j - 1 end
    t[j + 1] = v
  end
  return t
end
local function merge_sort(t)
  if #t <= 1 then return t end
  local mid = #t // 2
  local a, b = {}, {}
  for i = 1, mid do a[#a + 1] = t[i] end
  for i = mid + 1, #t do b[#b + 1] = t[i] end
  a, b = merge_sort(a), merge_sort(b)
  local r, i, j = {}, 1, 1
  while i <= #a and j <= #b do
    if a[i] <= b[j] then r[#r + 1] = a[i] i = i + 1 else r[#r + 1] = b[j] j = j + 1 end
  end
  for k = i, #a do r[#r + 1] = a[k] end
  for k = j, #b do r[#r + 1] = b[k] end
  return r
end
local function quick(t, lo, hi)
  lo, hi = lo or 1, hi or #t
  if lo < hi then
    local p, i = t[hi], lo - 1
    for j = lo, hi - 1 do if t[j] <= p then i = i + 1 t[i], t[j] = t[j], t[i] end end
    t[i + 1], t[hi] = t[hi], t[i + 1]
    quick(t, lo, i) quick(t, i + 2, hi)
  end
  return t
end
local function heap_sort(t)
  local n = #t
  local function sift(start, stop)
    local root = start
    while 2 * root <= stop do
      local child = 2 * root
      if child + 1 <= stop and t[child] < t[child + 1] then child = child + 1 end
      if t[root] < t[child] then t[root], t[child] = t[child], t[root] root = child else return end
    end
  end
  for s = n // 2, 1, -1 do sift(s, n) end
  for e = n, 2, -1 do t[1], t[e] = t[e], t[1] sift(1, e - 1) end
  return t
end
local data = {}
local seed = 12345
for i = 1, 300 do seed = (seed * 1103515245 + 12345) % 2147483648 data[i] = seed % 1000 end
local ref = copy(data) table.sort(ref)
local function same(a) for i = 1, #ref do if a[i] ~= ref[i] then return false end end return #a == #ref end
print("insertion", same(insertion(copy(data))))
print("merge", same(merge_sort(copy(data))))
print("quick", same(quick(copy(data))))
print("heap", same(heap_sort(copy(data))))
print("first/last", ref[1], ref[#ref], "median", ref[150])
