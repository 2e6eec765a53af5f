-- nesting resumes too deeply fails with "C stack overflow"
local depth = 0
local function nest()
  depth = depth + 1
  local co = coroutine.create(nest)
  local ok, err = coroutine.resume(co)
  if not ok then error(err, 0) end
end
local ok, e = pcall(nest)
print(ok, e, depth)
