-- locals of a suspended coroutine
local co = coroutine.create(function(a, b)
  local sum = a + b
  coroutine.yield(sum)
  local later = "later"
  coroutine.yield(later)
end)
coroutine.resume(co, 3, 4)
for i = 1, 4 do print(i, debug.getlocal(co, 1, i)) end
print(debug.setlocal(co, 1, 3, 100))
print(debug.getlocal(co, 1, 3))
print(pcall(debug.getlocal, co, 5, 1))
coroutine.resume(co)
print(debug.getlocal(co, 1, 4))
