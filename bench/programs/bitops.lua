-- bitops.lua: integer bit operations (Lua 5.3+ only: LuaJ 3.0.1 cannot run it).
-- Stresses: & | ~ << >> and unary ~ on 64-bit integers with wraparound, integer
-- division //, a xorshift generator, FNV-1a and a murmur-like mixer, popcount,
-- bit reversal, a bitset sieve.
-- Size parameter (arg[1]): number of iterations.
local N = tonumber(arg and arg[1]) or 10000000

local function xorshift(x)
  x = x ~ (x << 13)
  x = x ~ (x >> 7)
  x = x ~ (x << 17)
  return x
end

local function mix(h)
  h = h ~ (h >> 33)
  h = h * -49064778989728563    -- 0xff51afd7ed558ccd, wraps around
  h = h ~ (h >> 33)
  h = h * -4265267296055464877  -- 0xc4ceb9fe1a85ec53
  h = h ~ (h >> 33)
  return h
end

local function popcount(x)
  local c = 0
  while x ~= 0 do
    x = x & (x - 1)
    c = c + 1
  end
  return c
end

local function reverse32(x)
  local r = 0
  for _ = 1, 32 do
    r = (r << 1) | (x & 1)
    x = x >> 1
  end
  return r
end

local function fnv1a(s)
  local h = 0x811c9dc5
  for i = 1, #s do
    h = ((h ~ s:byte(i)) * 0x01000193) & 0xffffffff
  end
  return h
end

-- a sieve of Eratosthenes in a bitset of 32-bit words
local function sieve(n)
  local words = {}
  for i = 0, n // 32 do words[i] = 0 end
  local count = 0
  for i = 2, n do
    if words[i >> 5] & (1 << (i & 31)) == 0 then
      count = count + 1
      for j = i * i, n, i do
        words[j >> 5] = words[j >> 5] | (1 << (j & 31))
      end
    end
  end
  return count
end

local x, acc, pc = 88172645463325252, 0, 0
for i = 1, N do
  x = xorshift(x)
  local h = mix(x ~ i)
  acc = acc ~ (h >> (i % 64)) ~ (~h << 3)
  if i % 16 == 0 then pc = pc + popcount(h & 0xffffffff) + reverse32(i) % 1024 end
end
local names = {}
for i = 1, 2000 do names[i] = "key" .. i * 7919 end
local fh = 0
for r = 1, 60 do
  for i = 1, #names do fh = (fh + fnv1a(names[i]) // (r + 1)) & 0x7fffffff end
end
local primes = sieve(1000000)
print(string.format("bitops: %d %d %d %d %d", acc & 0x7fffffff, (acc >> 32) & 0x7fffffff, pc, fh, primes))
