-- A loop that waits for a finalizer (or for a weak entry to go) ends without collectgarbage.
local done = false
setmetatable({}, {__gc = function() done = true end})
local n = 0
while not done do
  local garbage = {n, tostring(n)}
  n = n + 1
end
print("finalizer ran:", done)
local weak = setmetatable({}, {__mode = "k"})
weak[{}] = true
repeat local x = {} until next(weak) == nil
print("weak key cleared:", next(weak) == nil)
-- a finalizer that errors: a warning, and the program goes on
warn("@on")
setmetatable({}, {__gc = function() error("boom") end})
local count = 0
local w = setmetatable({{}}, {__mode = "v"})
while w[1] do local g = {} count = count + 1 end
print("after a failing finalizer")
-- finalizers are not re-entered: one that allocates a lot runs to its end
local inside, nested = 0, false
setmetatable({}, {__gc = function()
  inside = inside + 1
  if inside > 1 then nested = true end
  for i = 1, 100000 do local g = {i} end
  inside = inside - 1
end})
local w2 = setmetatable({{}}, {__mode = "v"})
while w2[1] do local g = {} end
for i = 1, 200000 do local g = {i} end
print("finalizer re-entered:", nested)
