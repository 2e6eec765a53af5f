-- a condition that is a constant for lua5.4's code generator (a literal, 'not nil', '1 + 1', a <const>
-- local) has no code: its 'if' or 'while' line is not an active line unless something else is on it
local C <const> = true
local function lines(f)
  local t = {}
  for l in pairs(debug.getinfo(f, "L").activelines) do t[#t + 1] = l end
  table.sort(t)
  return table.concat(t, " ")
end
print(lines(function()
  local n = 0
  while not nil do
    n = n + 1
    if n > 2 then break end
  end
  while 1 + 1 do
    break
  end
  if not nil then
    n = 1
  end
  return n
end))
print(lines(function()
  local n = 0
  if true then
    n = 1
  end
  while true do
    break
  end
  return n
end))
print(lines(function()
  local n = 0
  while C do
    break
  end
  if C then
    n = 1
  end
  if -C then n = 2 end
  if not C then
    n = 3
  elseif C then
    n = 4
  end
  return n
end))
-- and the line events of such conditions
local x
local ev = {}
debug.sethook(function(_, l) ev[#ev + 1] = l end, "l")
if x then
  ev[#ev + 1] = 0
elseif true then
  ev[#ev + 1] = -1
end
if x then
  ev[#ev + 1] = 0
elseif C then
  ev[#ev + 1] = -1
end
debug.sethook()
print(table.concat(ev, " "))
