-- awfy_sieve.lua: sieve of Eratosthenes over 5000 flags, repeated (after the
-- Are-We-Fast-Yet "Sieve" description), object-oriented Lua.
-- Stresses: boolean array writes and reads in nested loops, a method per run.
-- Size parameter (arg[1]): number of benchmark iterations.
local N = tonumber(arg and arg[1]) or 5000

local Sieve = {}
Sieve.__index = Sieve
function Sieve.new(size) return setmetatable({size = size}, Sieve) end

function Sieve:run()
  local size = self.size
  local flags = {}
  for i = 1, size do flags[i] = true end
  local primeCount = 0
  for i = 2, size do
    if flags[i - 1] then
      primeCount = primeCount + 1
      local k = i + i
      while k <= size do
        flags[k - 1] = false
        k = k + i
      end
    end
  end
  return primeCount
end

local total = 0
local s = Sieve.new(5000)
for _ = 1, N do
  local r = s:run()
  if r ~= 669 then error("sieve: wrong result " .. r) end
  total = total + r
end
print("primes", total)
