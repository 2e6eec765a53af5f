-- line events of "while true do" loops (the constant test has no code) and one-line loops
local out = {}
debug.sethook(function(e, l) out[#out + 1] = l end, "l")
local i = 0
while true do
  i = i + 1
  if i > 2 then break end
end
while i > 0 do i = i - 1 end
debug.sethook()
print(table.concat(out, " "))
