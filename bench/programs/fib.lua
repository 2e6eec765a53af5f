-- fib.lua: naive doubly-recursive Fibonacci.
-- Stresses: Lua function calls and returns, small-integer arithmetic, comparisons.
-- Size parameter (arg[1]): n, the Fibonacci index.
local N = tonumber(arg and arg[1]) or 38

local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

print(string.format("fib(%d) = %d", N, fib(N)))
