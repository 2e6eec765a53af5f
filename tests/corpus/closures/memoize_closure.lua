local function memoize(f)
  local cache, calls = {}, 0
  return function(n)
    if cache[n] == nil then calls = calls + 1 cache[n] = f(n) end
    return cache[n]
  end, function() return calls end
end
local slow_sq = function(n) return n * n end
local sq, calls = memoize(slow_sq)
print(sq(4), sq(4), sq(5), calls())
local fib
fib, calls = memoize(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(80), calls())
