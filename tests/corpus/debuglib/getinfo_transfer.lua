-- getinfo 'r' (ftransfer, ntransfer) in call and return hooks of library
-- functions, and their stack as "(C temporary)" locals
local on = false
local function hook(event)
  if not on then return end
  local ar = debug.getinfo(2, "rn")
  if ar.name == nil then return end
  local t = {}
  for i = ar.ftransfer, ar.ftransfer + ar.ntransfer - 1 do
    local name, v = debug.getlocal(2, i)
    t[#t + 1] = name .. "=" .. tostring(v)
  end
  print(event, ar.name, ar.ftransfer, ar.ntransfer, table.concat(t, ","))
end
debug.sethook(hook, "cr")
on = true; select(2, 10, 20, 30); on = false
on = true; select("#", 10, 20); on = false
on = true; assert(1, 2); on = false
on = true; local s = string.rep("ab", 2); on = false
on = true; local n = math.max(3, 7, 5); on = false
on = true; local r = rawequal(1, 2); on = false
debug.sethook()
-- outside hooks: zeros
local ar = debug.getinfo(1, "r")
print(ar.ftransfer, ar.ntransfer)
-- getlocal of level 0 is getlocal itself: its arguments
print(debug.getlocal(0, 1))
print(debug.getlocal(0, 2))
print(debug.getlocal(0, 3))
