-- a break or forward goto that leaves the scope of a captured or to-be-closed local jumps to the
-- reference's OP_CLOSE at the loop's end (or the label): a line hook sees that line, before the
-- __close handlers run; a numeric for's normal end runs that close too
local ev
local function run(name, f)
  ev = {}
  debug.sethook(function(e, l) ev[#ev + 1] = l end, "l")
  f()
  debug.sethook()
  print(name, table.concat(ev, ","))
end
run("for, captured, break", function()
  for i = 1, 3 do
    local x = 1
    local f = function() return x end
    if x then break end
  end
end)
run("for, captured, no break taken", function()
  for i = 1, 2 do
    local x = 1
    local f = function() return x end
    if i > 5 then break end
  end
end)
run("while, captured, break", function()
  local n = 0
  while true do
    n = n + 1
    local g = function() return n end
    if n > 1 then break end
  end
end)
run("while, captured, normal end", function()
  local n = 0
  while n < 2 do
    n = n + 1
    local g = function() return n end
    if n > 5 then break end
  end
end)
run("for, tbc, break", function()
  for i = 1, 3 do
    local x <close> = setmetatable({}, {__close = function() ev[#ev + 1] = "closed" end})
    if i == 2 then break end
  end
end)
run("repeat, captured, break", function()
  local n = 0
  repeat
    n = n + 1
    local g = function() return n end
    if n == 2 then break end
  until n > 5
end)
run("goto out of a captured scope", function()
  do
    local x = 1
    local f = function() return x end
    if x then goto l end
  end
  ::l::
  local z = 1
end)
run("fall into the label", function()
  do
    local x = 1
    local f = function() return x end
    if not x then goto l end
  end
  ::l::
  local z = 1
end)
run("nested loops", function()
  for i = 1, 2 do
    for j = 1, 2 do
      local f = function() return j end
      if j == 1 then break end
    end
  end
end)
