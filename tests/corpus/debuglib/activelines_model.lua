-- debug.getinfo(f, "L").activelines lists the lines of the reference's instructions: a closure
-- on its 'end', no line for 'repeat', a function's final return on its 'end', a loop's close
local function show(name, f)
  local lines = {}
  for k in pairs(debug.getinfo(f, "L").activelines) do lines[#lines + 1] = k end
  table.sort(lines)
  print(name, table.concat(lines, ","))
end
show("closure over lines", function()
  local vf = function(...) local a = ...
    return a end
  local g = function() return 1
  end
  t = function() end
  local h = {function() end,
    2}
end)
show("repeat", function()
  local i = 0
  repeat
    i = i + 1
  until i > 2
  repeat
    local x = 1
  until true
end)
show("while and for", function()
  local n = 0
  while n < 3 do
    n = n + 1
  end
  for i = 1, 2 do
    n = n + i
  end
  for k, v in pairs({}) do
    n = n + 1
  end
end)
show("break closing a captured local", function()
  for i = 1, 3 do
    local x = 1
    local f = function() return x end
    if x then break end
  end
  while true do
    local y = 2
    local g = function() return y end
    if y then break end
  end
end)
show("break before the capture", function()
  for i = 1, 3 do
    if i then break end
    local x = 1
    local f = function() return x end
  end
end)
show("captured loop variable", function()
  for i = 1, 3 do
    local f = function() return i end
    if i == 2 then break end
  end
end)
show("break out of a tbc scope", function()
  for i = 1, 3 do
    local x <close> = nil
    if x then break end
  end
end)
show("repeat with break", function()
  repeat
    local x = 1
    local f = function() return x end
    if x then break end
  until x
end)
show("goto out of a captured scope", function()
  do
    local x = 1
    local f = function() return x end
    if x then goto l end
  end
  ::l::
end)
show("constants", function()
  local K <const> = 10
  local S <const> = "s"
  return K
end)
show("main chunk", load("local a = 1\nlocal f = function()\nend\nfor i = 1, 2 do\nend\nreturn a\n"))
show("one line", function() return 1 end)
show("empty", function()
end)
