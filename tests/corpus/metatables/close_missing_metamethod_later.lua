-- __close is checked when the variable is declared
local mt = {__close = function() print("closed") end}
local obj = setmetatable({}, mt)
do
  local x <close> = obj
  mt.__close = nil
  print("removed __close inside scope")
end
print("after block")
