local function outer(a)
  local function middle(b)
    local function inner(c)
      return a + b + c
    end
    return inner
  end
  return middle
end
print(outer(1)(2)(3))
local function compose(f, g) return function(...) return f(g(...)) end end
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
local function counter()
  local n = 0
  return {inc = function() n = n + 1 return n end, get = function() return n end}
end
local c1, c2 = counter(), counter()
c1.inc() c1.inc() c2.inc()
print(c1.get(), c2.get())
