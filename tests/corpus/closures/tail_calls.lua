local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(1000000, 0))
local function a(n) if n == 0 then return "done a" end return (function(m) return a(m) end)(n - 1) end
print(pcall(a, 100))
local function ping(n) if n == 0 then return "ping done" end return pong(n - 1) end
function pong(n) if n == 0 then return "pong done" end return ping(n - 1) end
print(ping(1000001))
local obj = {n = 0}
function obj:count(k) if k == 0 then return self.n end self.n = self.n + 1 return self:count(k - 1) end
print(obj:count(500000))
local function varg(n, ...) if n == 0 then return select('#', ...) end return varg(n - 1, ...) end
print(varg(200000, 1, 2, 3))
