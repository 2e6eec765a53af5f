-- error levels inside coroutines
local function thrower(level) error("msg", level) end
print(coroutine.resume(coroutine.create(function() thrower(1) end)))
print(coroutine.resume(coroutine.create(function() thrower(2) end)))
print(coroutine.resume(coroutine.create(function() error("zero", 0) end)))
print(coroutine.resume(coroutine.create(function()
  error("level 1 here")
end)))
print(coroutine.resume(coroutine.create(thrower), 3))
