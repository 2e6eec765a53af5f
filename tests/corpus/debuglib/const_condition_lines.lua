-- conditions that lua5.4 folds to a constant ('not nil', '1 + 1', a <const> local, '-C') have no test
-- instruction, so no line event of their own; a false one is a jump over the block
local lines = {}
local C <const> = 1
debug.sethook(function(_, l) lines[#lines + 1] = l end, "l")
local n = 0
while not nil do
  n = n + 1
  if n > 2 then break end
end
while 1 + 1 do
  n = n + 1
  if n > 4 then break end
end
while C do
  n = n + 1
  if n > 6 then break end
end
if 1 + 2 then
  n = 0
end
if not 1 then
  n = 5
end
if C then n = n + 1 end
if -C then n = n + 1 end
if not nil then
  n = n + 1
end
repeat n = n + 1 until not nil
debug.sethook()
print(n, table.concat(lines, " "))
