-- coroutine_pingpong_small.lua: coroutine_pingpong.lua with 100,000 round trips (a size LuaJ
-- finishes in a few seconds; see bench/README.md for why LuaJ needs this).
-- Keep in sync with coroutine_pingpong.lua (only the default size differs).
-- Stresses: coroutine.resume / coroutine.yield passing values both ways,
-- coroutine.wrap generators, coroutine creation, status checks.
-- Size parameter (arg[1]): number of round trips through the long-lived coroutine
-- (default 10,000,000; coroutine_pingpong_small.lua is the same program with 100,000,
-- because LuaJ 3.0.1 runs coroutines on platform threads: it is very slow here, and
-- intermittently fails with "cannot resume non-suspended coroutine").
local N = tonumber(arg and arg[1]) or 100000
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
  -- the generator runs to completion (the 101st call returns nil and ends the loop)
  for v in coroutine.wrap(function() for k = 1, 100 do coroutine.yield(k * g) end end) do
    gsum = (gsum + v) % M
  end
end

print(string.format("coroutine_pingpong %d %d %d %s", last, final, gsum, coroutine.status(co)))
