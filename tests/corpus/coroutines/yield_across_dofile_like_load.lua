-- yield from a chunk made by load and called inside the coroutine
local chunk = load("local a, b = ... ; local c = coroutine.yield(a + b) ; return c * 2")
local co = coroutine.create(chunk)
print(coroutine.resume(co, 3, 4))
print(coroutine.resume(co, 21))
local env = {coroutine = coroutine}
local chunk2 = load("x = coroutine.yield('in env') return x", "=chunk2", "t", env)
local co2 = coroutine.create(chunk2)
print(coroutine.resume(co2))
print(coroutine.resume(co2, "set"))
print(env.x)
