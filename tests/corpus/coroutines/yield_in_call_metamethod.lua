-- __call and __len may yield
local callable = setmetatable({}, {
  __call = function(self, a, b)
    local c = coroutine.yield("called with", a, b)
    return a + b + c
  end,
  __len = function() coroutine.yield("len") return 99 end,
})
local co = coroutine.create(function()
  local s = callable(1, 2)
  return s, #callable
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co))
