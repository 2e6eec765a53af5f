local depth = 0
local function count() depth = depth + 1 return 1 + count() end
local ok, msg = pcall(count)
print(ok, msg:match("stack overflow") ~= nil, "depth > 1000", depth > 1000)
-- __index recursion through a function overflows the C stack
local function mt_loop()
  local t = setmetatable({}, {__index = function(t, k) return t[k] end})
  return t.x
end
local ok2, msg2 = pcall(mt_loop)
print(ok2, msg2:match("stack overflow") ~= nil)
-- the state is still usable afterwards
print(pcall(string.rep, "x", 3))
