-- Hooks switched on inside a running pairs or ipairs loop: the loop's next calls of its
-- iterator have their call and return events (issue 12; the loops' fast paths run no hooks).
local function watch(e)
  local i = debug.getinfo(2, "nS")
  print(e, i.name, i.what)
end
local t = {a = 1, b = 2, c = 3}
local n = 0
for k, v in pairs(t) do
  n = n + 1
  if n == 1 then debug.sethook(watch, "cr") end
end
debug.sethook()
print(n)
n = 0
for i, v in ipairs({10, 20, 30}) do
  n = n + v
  if i == 2 then debug.sethook(watch, "cr") end
end
debug.sethook()
print(n)
-- and a line hook: the loop's 'end' line after the last iteration
n = 0
for i, v in ipairs({10, 20, 30}) do
  n = n + v
  if i == 1 then debug.sethook(function(e, l) print(e, l) end, "l") end
end
debug.sethook()
-- switched off again inside the loop: the rest runs without events
for i, v in ipairs({1, 2, 3, 4}) do
  if i == 1 then debug.sethook(watch, "cr") elseif i == 2 then debug.sethook() end
end
print("done")
