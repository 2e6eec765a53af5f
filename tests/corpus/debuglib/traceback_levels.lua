-- levels: 0 is traceback itself, 1 its caller; too high or negative shows no frames
local function inner(level)
  return debug.traceback("level " .. level, level)
end
local function outer(level)
  return (inner(level))
end
for _, level in ipairs({0, 1, 2, 3, 4, 5, 50, -1}) do
  print(outer(level))
end
