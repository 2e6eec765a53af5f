-- coroutine_create.lua: creating and finishing coroutines (issue 3: "creating and finishing
-- 100,000 coroutines"). Each coroutine is created, resumed once with an argument, yields once,
-- and is resumed again to return; half are made with coroutine.create, half with coroutine.wrap.
-- Size parameter (arg[1]): number of coroutines (default 100,000; lua5.4 needs well under 1 s,
-- so whole-process times are dominated by start-up on the JVMs: compare with the start-up row).
local N = tonumber(arg and arg[1]) or 100000
local M = 2147483647
local create, resume, yield, wrap = coroutine.create, coroutine.resume, coroutine.yield, coroutine.wrap

local function body(a)
  local b = yield(a * 2)
  return a + b
end

local sum, dead = 0, 0
for i = 1, math.floor(N / 2) do
  local co = create(body)
  local _, x = resume(co, i)
  local _, y = resume(co, x)
  if coroutine.status(co) == "dead" then dead = dead + 1 end
  sum = (sum + x + y) % M
end
for i = 1, N - math.floor(N / 2) do
  local f = wrap(body)
  sum = (sum + f(i) + f(1)) % M
end
print(string.format("coroutine_create %d %d %d", N, dead, sum))
