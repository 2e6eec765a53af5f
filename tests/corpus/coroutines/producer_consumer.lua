-- producer / filter / consumer pipeline
local function producer(items)
  return coroutine.create(function()
    for _, x in ipairs(items) do coroutine.yield(x) end
  end)
end
local function receive(prod)
  local ok, v = coroutine.resume(prod)
  return v
end
local function filter(prod)
  return coroutine.create(function()
    local line = 1
    while true do
      local x = receive(prod)
      if x == nil then return end
      coroutine.yield(string.format("%5d %s", line, x))
      line = line + 1
    end
  end)
end
local function consumer(prod)
  while true do
    local x = receive(prod)
    if x == nil then break end
    print(x)
  end
end
consumer(filter(producer({"alpha", "beta", "gamma", "delta"})))
