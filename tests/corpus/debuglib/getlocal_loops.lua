-- loop control variables are locals of the loop body (after the hidden loop state)
local function names(level)
  local r = {}
  local i = 1
  while true do
    local n = debug.getlocal(level + 1, i)
    if not n then break end
    r[#r + 1] = n
    i = i + 1
  end
  return table.concat(r, " ")
end
for i = 1, 1 do
  local s = names(1) print(s)
end
for k, v in pairs({1}) do
  local s = names(1) print(s)
end
local n = 0
while n < 1 do
  local inside = n
  local s = names(1) print(s)
  n = n + 1
end
repeat
  local r = 1
  local s = names(1) print(s)
until r == 1
local s = names(1) print(s)
