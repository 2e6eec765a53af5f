-- vararg bodies and yields of varargs
local co = coroutine.create(function(...)
  local args = table.pack(...)
  while true do
    args = table.pack(coroutine.yield(args.n, ...))
    if args.n == 0 then return "no more" end
  end
end)
print(coroutine.resume(co, "a", "b"))
print(coroutine.resume(co, 1, 2, 3))
print(coroutine.resume(co, nil))
print(coroutine.resume(co))
