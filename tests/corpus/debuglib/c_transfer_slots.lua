-- getlocal at a Java (C) function's call and return events: its stack, then one more slot
-- (debug.sethook's return excepted); where next, rep and max leave their results
debug.sethook(function(event)
  local ar = debug.getinfo(2, "rnS")
  if ar.what ~= "C" then return end
  local t = {}
  for i = 1, ar.ftransfer + ar.ntransfer + 2 do t[#t + 1] = tostring((debug.getlocal(2, i))) end
  print(event, ar.name, ar.ftransfer, ar.ntransfer, table.concat(t, ","))
end, "cr")
local s = string.rep("a", 2)
for k, v in next, {5} do end
local x = math.max(1, 2, 3)
debug.sethook()
