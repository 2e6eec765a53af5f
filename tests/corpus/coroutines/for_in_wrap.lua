-- wrap as a generic-for iterator, with several loop variables
local function pairs_sorted(t)
  return coroutine.wrap(function()
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = k end
    table.sort(keys)
    for _, k in ipairs(keys) do coroutine.yield(k, t[k]) end
  end)
end
for k, v in pairs_sorted({b = 2, a = 1, d = 4, c = 3}) do print(k, v) end
local function enumerate(list)
  return coroutine.wrap(function()
    for i, v in ipairs(list) do coroutine.yield(i, v, i * 10) end
  end)
end
for i, v, w in enumerate({"x", "y"}) do print(i, v, w) end
