-- name and namewhat as the calling code names the function
local function who()
  local i = debug.getinfo(2, "n")
  return tostring(i.name) .. "/" .. i.namewhat
end
local function probe() return (who()) end
function global_probe() return (who()) end
local t = {field = probe}
function t:meth() return (who()) end
print(probe())
print(global_probe())
print(t.field())
print(t:meth())
print(t["field"]())
local up = probe
local function via_upvalue() return (up()) end
print(via_upvalue())
print(select(2, pcall(probe)))
for x in function(_, c) if not c then return who() end end do print(x) end
print((function() return (who()) end)())
local function ret() return who() end
print(ret())
local function info_of_self() local i = debug.getinfo(1, "n") return tostring(i.name) .. "/" .. i.namewhat end
print(info_of_self())
print(debug.getinfo(1, "n").namewhat == "")
