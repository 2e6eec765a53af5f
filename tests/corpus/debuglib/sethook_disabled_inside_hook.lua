-- while a hook runs, no hook events are reported
local depth, maxdepth, count = 0, 0, 0
local function helper() return 1 end
debug.sethook(function(event)
  depth = depth + 1
  if depth > maxdepth then maxdepth = depth end
  count = count + 1
  helper()
  depth = depth - 1
end, "cr")
helper()
debug.sethook()
print(maxdepth, count)
