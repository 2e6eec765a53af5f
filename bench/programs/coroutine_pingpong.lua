-- coroutine_pingpong.lua: resume/yield round trips.
-- Stresses: coroutine.resume / coroutine.yield passing values both ways,
-- coroutine.wrap generators, coroutine creation, status checks.
-- Size parameter (arg[1]): number of round trips through the long-lived coroutine
-- (default 1,000,000; see coroutine_pingpong_small.lua for a 100,000 variant).
local N = tonumber(arg and arg[1]) or 1000000
local M = 2147483647

-- 1. One long-lived coroutine: N resume/yield round trips.
local co = coroutine.create(function(a)
  local acc = 0
  while true do
    acc = (acc + a) % M
    a = coroutine.yield(acc)
    if a == nil then return acc end
  end
end)
local last = 0
for i = 1, N do
  local ok, v = coroutine.resume(co, i)
  last = v
end
local ok, final = coroutine.resume(co, nil)

-- 2. Generators via coroutine.wrap (N / 10 yields in total, over N / 1000 generators).
local gsum = 0
local ngen = N / 1000
for g = 1, ngen do
  local gen = coroutine.wrap(function()
    for k = 1, 100 do coroutine.yield(k * g) end
  end)
  for _ = 1, 100 do gsum = (gsum + gen()) % M end
end

print(string.format("coroutine_pingpong %d %d %d %s", last, final, gsum, coroutine.status(co)))
