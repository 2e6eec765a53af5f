local function knapsack(items, cap)
  local best = {}
  for w = 0, cap do best[w] = 0 end
  local choice = {}
  for i, it in ipairs(items) do
    choice[i] = {}
    for w = cap, it.w, -1 do
      if best[w - it.w] + it.v > best[w] then best[w] = best[w - it.w] + it.v choice[i][w] = true end
    end
  end
  local w, chosen = cap, {}
  for i = #items, 1, -1 do if choice[i][w] then table.insert(chosen, 1, items[i].name) w = w - items[i].w end end
  return best[cap], table.concat(chosen, ",")
end
local items = {{name = "map", w = 9, v = 150}, {name = "compass", w = 13, v = 35}, {name = "water", w = 153, v = 200},
  {name = "sandwich", w = 50, v = 160}, {name = "glucose", w = 15, v = 60}, {name = "tin", w = 68, v = 45},
  {name = "banana", w = 27, v = 60}, {name = "apple", w = 39, v = 40}}
print(knapsack(items, 200))
print(knapsack(items, 50))
local function coin_ways(coins, amount)
  local ways = {[0] = 1}
  for a = 1, amount do ways[a] = 0 end
  for _, c in ipairs(coins) do for a = c, amount do ways[a] = ways[a] + ways[a - c] end end
  return ways[amount]
end
local function min_coins(coins, amount)
  local best = {[0] = 0}
  for a = 1, amount do
    best[a] = math.huge
    for _, c in ipairs(coins) do if c <= a and best[a - c] + 1 < best[a] then best[a] = best[a - c] + 1 end end
  end
  return best[amount]
end
print(coin_ways({1, 5, 10, 25, 50}, 100), coin_ways({2}, 3))
print(min_coins({1, 5, 10, 25}, 63), min_coins({2}, 3))
