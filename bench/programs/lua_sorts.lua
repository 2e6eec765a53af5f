-- lua_sorts.lua: sorting algorithms written in Lua (no table.sort).
-- Stresses: array reads/writes with computed indexes, swaps by multiple assignment,
-- integer comparisons, recursion (quicksort), sift-down loops (heapsort),
-- math.floor on integer division, comparator calls (merge sort).
-- Size parameter (arg[1]): the array length.
local N = tonumber(arg and arg[1]) or 500000
local M = 2147483647

local seed = 12345
local function rnd()
  seed = (seed * 16807) % M
  return seed
end

local function heapsort(a, n)
  local function sift(start, stop)
    local root = start
    while true do
      local child = root * 2
      if child > stop then return end
      if child + 1 <= stop and a[child] < a[child + 1] then child = child + 1 end
      if a[root] < a[child] then
        a[root], a[child] = a[child], a[root]
        root = child
      else
        return
      end
    end
  end
  for start = math.floor(n / 2), 1, -1 do sift(start, n) end
  for stop = n, 2, -1 do
    a[1], a[stop] = a[stop], a[1]
    sift(1, stop - 1)
  end
end

local function quicksort(a, lo, hi)
  while lo < hi do
    if hi - lo < 12 then
      for i = lo + 1, hi do
        local v = a[i]
        local j = i - 1
        while j >= lo and a[j] > v do
          a[j + 1] = a[j]
          j = j - 1
        end
        a[j + 1] = v
      end
      return
    end
    local mid = math.floor((lo + hi) / 2)
    local p = a[mid]
    local i, j = lo, hi
    while i <= j do
      while a[i] < p do i = i + 1 end
      while a[j] > p do j = j - 1 end
      if i <= j then
        a[i], a[j] = a[j], a[i]
        i = i + 1
        j = j - 1
      end
    end
    if j - lo < hi - i then
      quicksort(a, lo, j)
      lo = i
    else
      quicksort(a, i, hi)
      hi = j
    end
  end
end

local function mergesort(a, n, less)
  local src, dst = a, {}
  local width = 1
  while width < n do
    local i = 1
    while i <= n do
      local mid = math.min(i + width, n + 1)
      local hi = math.min(i + 2 * width, n + 1)
      local l, r, k = i, mid, i
      while l < mid and r < hi do
        if less(src[r], src[l]) then dst[k] = src[r]; r = r + 1
        else dst[k] = src[l]; l = l + 1 end
        k = k + 1
      end
      while l < mid do dst[k] = src[l]; l = l + 1; k = k + 1 end
      while r < hi do dst[k] = src[r]; r = r + 1; k = k + 1 end
      i = i + 2 * width
    end
    src, dst = dst, src
    width = width * 2
  end
  return src
end

local function check(a, n, desc)
  local acc = 0
  for i = 1, n do
    if i > 1 then
      if desc then assert(a[i - 1] >= a[i]) else assert(a[i - 1] <= a[i]) end
    end
    if i % 97 == 0 then acc = (acc * 31 + a[i]) % M end
  end
  return acc
end

local base = {}
for i = 1, N do base[i] = rnd() % 1000000 end
local function copy()
  local t = {}
  for i = 1, N do t[i] = base[i] end
  return t
end

local a = copy(); heapsort(a, N)
local c1 = check(a, N)
local b = copy(); quicksort(b, 1, N)
local c2 = check(b, N)
local r = mergesort(copy(), N, function(x, y) return x > y end)
local c3 = check(r, N, true)
print(string.format("lua_sorts(%d): %d %d %d", N, c1, c2, c3))
