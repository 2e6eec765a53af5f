local function producer(items)
  return coroutine.create(function()
    for _, it in ipairs(items) do coroutine.yield(it) end
    return nil
  end)
end
local function filter(src, pred)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(src)
      if not v then return nil end
      if pred(v) then coroutine.yield(v) end
    end
  end)
end
local function mapper(src, f)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(src)
      if not v then return nil end
      coroutine.yield(f(v))
    end
  end)
end
local function consume(src)
  local out = {}
  while true do
    local ok, v = coroutine.resume(src)
    if not v then break end
    out[#out + 1] = v
  end
  return out
end
local nums = {}
for i = 1, 20 do nums[i] = i end
local pipeline = mapper(filter(producer(nums), function(x) return x % 3 == 0 end), function(x) return x * x end)
print(table.concat(consume(pipeline), " "))
local words = producer({"alpha", "beta", "gamma", "delta", "epsilon"})
print(table.concat(consume(mapper(filter(words, function(w) return #w > 4 end), string.upper)), ","))
