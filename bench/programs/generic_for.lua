-- The generic for (issue 14, session 14): ipairs, pairs (string keys), gmatch, a closure iterator
-- and a stateless two-result iterator, each loop in its own function.
local arr, map = {}, {}
for i = 1, 1000 do arr[i] = i; map["k" .. i] = i end
local s = string.rep("ab cd ef ", 200)
local function range(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end
end
local function stateless(n, c) if c < n then return c + 1, c end end
local function f1() local t = 0 for i, v in ipairs(arr) do t = t + v end return t end
local function f2() local t = 0 for k, v in pairs(map) do t = t + v end return t end
local function f3() local t = 0 for w in s:gmatch("%a+") do t = t + 1 end return t end
local function f4() local t = 0 for i in range(500) do t = t + i end return t end
local function f5() local t = 0 for a, b in stateless, 500, 0 do t = t + a - b end return t end
local total = 0
for r = 1, 12000 do
  total = total + f1() + f2() + f3() + f4() + f5()
end
print(total)
