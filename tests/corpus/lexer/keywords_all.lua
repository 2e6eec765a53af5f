-- every reserved word appears in a meaningful position
local function f(x)
  if x == nil then return "nil"
  elseif x == true then return "true"
  elseif x == false then return "false"
  else
    local s = 0
    for i = 1, x do s = s + i end
    for _, v in ipairs({1, 2}) do s = s + v end
    while s > 100 do s = s - 100 end
    repeat s = s + 1 until s % 2 == 0
    do
      if not (s > 0 and s < 1000 or false) then goto out end
    end
    while true do break end
    ::out::
    return s
  end
end
print(f(nil), f(true), f(false), f(10))
local andy, nota, orx, ifx, end_ = 1, 2, 3, 4, 5
print("keyword-prefixed names", andy, nota, orx, ifx, end_)
