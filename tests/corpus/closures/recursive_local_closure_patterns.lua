local fact
fact = function(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(20))
local Y = function(f) return (function(x) return x(x) end)(function(x) return f(function(...) return x(x)(...) end) end) end
local yfact = Y(function(self) return function(n) if n <= 1 then return 1 end return n * self(n - 1) end end)
print(yfact(10))
local t = {}
function t.walk(n) if n == 0 then return "walked" end return t.walk(n - 1) end
print(t.walk(1000))
