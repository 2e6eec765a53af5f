-- coroutines share upvalues with the code that created them
local counter = 0
local function bump() counter = counter + 1; return counter end
local co = coroutine.create(function()
  bump()
  coroutine.yield(counter)
  bump()
  coroutine.yield(counter)
end)
print(coroutine.resume(co))
counter = counter + 10
print(coroutine.resume(co))
print("main sees", counter)
local makers = {}
for i = 1, 3 do
  makers[i] = coroutine.wrap(function()
    local x = i
    while true do x = x * 2; coroutine.yield(x) end
  end)
end
print(makers[1](), makers[2](), makers[3](), makers[1](), makers[3]())
