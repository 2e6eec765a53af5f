-- long stacks: the first 10 and last 11 levels, with a note of how many were skipped
local function rec(n)
  if n == 0 then return debug.traceback("deep") end
  return (rec(n - 1))
end
for _, n in ipairs({17, 18, 19, 20, 21, 25, 40}) do
  local tb = rec(n)
  local lines = 0
  for _ in tb:gmatch("\n") do lines = lines + 1 end
  print(n, lines, tb:match("%(skipping %d+ levels%)"))
end
print(rec(23))
