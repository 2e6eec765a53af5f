-- binary_trees.lua: the classic binary-trees allocation benchmark.
-- Stresses: allocation of many small tables, garbage collection, recursion.
-- Size parameter (arg[1]): maximum tree depth.
local N = tonumber(arg and arg[1]) or 16

local function bottom_up(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return { bottom_up(depth), bottom_up(depth) }
end

local function item_check(tree)
  if tree[1] then
    return 1 + item_check(tree[1]) + item_check(tree[2])
  end
  return 1
end

local function pow2(k) local r = 1; for _ = 1, k do r = r * 2 end; return r end

local mindepth = 4
local maxdepth = mindepth + 2
if maxdepth < N then maxdepth = N end

local total = 0
do
  local stretch = maxdepth + 1
  local check = item_check(bottom_up(stretch))
  print(string.format("stretch tree of depth %d\t check: %d", stretch, check))
  total = total + check
end

local long_lived = bottom_up(maxdepth)

for depth = mindepth, maxdepth, 2 do
  local iters = pow2(maxdepth - depth + mindepth)
  local check = 0
  for _ = 1, iters do check = check + item_check(bottom_up(depth)) end
  print(string.format("%d\t trees of depth %d\t check: %d", iters, depth, check))
  total = total + check
end

local check = item_check(long_lived)
print(string.format("long lived tree of depth %d\t check: %d", maxdepth, check))
print(string.format("binary_trees total %d", total + check))
