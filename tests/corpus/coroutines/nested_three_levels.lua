-- three levels of nesting; statuses along the chain
local a, b, c
c = coroutine.create(function()
  print("c sees", coroutine.status(a), coroutine.status(b), coroutine.status(c))
  coroutine.yield("from c")
end)
b = coroutine.create(function()
  print("b resumes c:", coroutine.resume(c))
  coroutine.yield("from b")
end)
a = coroutine.create(function()
  print("a resumes b:", coroutine.resume(b))
  return "a done"
end)
print(coroutine.resume(a))
print(coroutine.status(a), coroutine.status(b), coroutine.status(c))
