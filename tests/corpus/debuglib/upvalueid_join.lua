-- upvalue identities and joining upvalues of two closures
local function counter()
  local n = 0
  return function() n = n + 1 return n end, function() return n end
end
local inc, get = counter()
local inc2 = counter()
print(debug.upvalueid(inc, 1) == debug.upvalueid(get, 1))
print(debug.upvalueid(inc, 1) == debug.upvalueid(inc2, 1))
print(type(debug.upvalueid(inc, 1)))
print(debug.upvalueid(inc, 2), debug.upvalueid(print, 1))
inc() inc()
print(get(), inc2())
debug.upvaluejoin(inc2, 1, get, 1)
print(inc2(), get(), inc())
print(debug.upvalueid(inc2, 1) == debug.upvalueid(get, 1))
print(pcall(debug.upvaluejoin, inc, 5, get, 1))
print(pcall(debug.upvaluejoin, inc, 1, get, 7))
print(pcall(debug.upvaluejoin, print, 1, get, 1))
print(pcall(debug.upvaluejoin, inc, 1, print, 1))
print(pcall(debug.upvaluejoin, inc, 1, {}, 1))
print(pcall(debug.upvalueid, {}, 1))
print(pcall(debug.upvalueid, inc))
