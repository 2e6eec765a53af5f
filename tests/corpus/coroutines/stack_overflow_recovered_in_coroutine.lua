-- a stack overflow caught by pcall inside a coroutine; the coroutine goes on
local function rec(n) return 1 + rec(n + 1) end
local co = coroutine.create(function()
  local ok, e = pcall(rec, 1)
  coroutine.yield(ok, e)
  local ok2, e2 = pcall(rec, 1)
  coroutine.yield(ok2, e2)
  return "survived"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co))
