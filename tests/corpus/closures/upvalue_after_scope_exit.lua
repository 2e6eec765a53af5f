local getter, setter
do
  local hidden = "initial"
  getter = function() return hidden end
  setter = function(v) hidden = v end
end
print(getter())
setter("changed")
print(getter())
local function counter_factory()
  local count = 0
  return function() count = count + 1 return count end
end
local c1 = counter_factory()
local c2 = counter_factory()
print(c1(), c1(), c1(), c2())
