-- A call hook sees the new frame at its first instruction, as lua5.4 does: getinfo's
-- currentline is the first statement's line (after a vararg function's VARARGPREP), the
-- 'end' line for an empty function, not the line of the function header (found by
-- conform_suite b_debug). And constant conditions: 'if true then' has no code of its
-- own (no line event), 'if nil then' / 'while false do' are a jump on the 'then'/'do' line.
local out = {}
local function hook(ev)
  local i = debug.getinfo(2, "Sl")
  out[#out+1] = i.linedefined .. ":" .. i.currentline
end
local fs = {}
fs[1] = function(n)
  while true do
    n = n + 1
    if n > 0 then break end
  end
  return n
end
fs[2] = function()
  ::top::
  local a = 1
  return a
end
fs[3] = function()
  do
  end
  do
    local x = 1
  end
end
fs[4] = function()
  repeat
    local z = 1
  until z
end
fs[5] = function(a,
   b)
  local
    c
    =
    a
  return c
end
fs[6] = function() local function inner()
  end
  return inner
end
fs[7] = function(...)

  return select('#',
     ...)
end
fs[8] = function()
  if true then
    return 1
  end
end
fs[9] = function()
end
fs[10] = load("\n\n-- only a comment\n")
fs[11] = load("\n\nlocal q = 1\nreturn q")
for r = 1, 300 do for i = 1, #fs do fs[i](1, 2) end end   -- hot: the compiled tier too
debug.sethook(hook, "c")
for i = 1, #fs do fs[i](1, 2) end
debug.sethook()
print(table.concat(out, " "))

-- line events of constant conditions
local lines = {}
local function g(n)
  if true then
    n = n + 1
  end
  if nil then
    n = 0
  elseif n then
    n = n + 1
  end
  if (false) then
    n = 2
  end
  while nil do
    n = 3
  end
  while false do end
  if true then
  end
  if "x" then
    n = 4
  else
    n = 5
  end
  if nil then n = 6 elseif true then
    n = 7
  end
  if not nil then n = 8 end
  return n
end
debug.sethook(function(ev, l) lines[#lines+1] = l end, "l")
g(1)
debug.sethook()
print(table.concat(lines, " "))

-- a line hook installed by the call hook still reports the function's first line
local seen = {}
local function target()
  local x = 1
end
debug.sethook(function()
  debug.sethook(function(e, l) seen[#seen + 1] = l end, "l")
end, "c")
target()
debug.sethook()
print(table.concat(seen, " "))

-- locals at a call event are the parameters only (the first statement has not run yet)
local function ret(a, b)
  local c = a + b
  return c
end
local function ret2(a, b) local c = a + b
  return c
end
debug.sethook(function(ev)
  local i = debug.getinfo(2, "n")
  if i.name == "ret" or i.name == "ret2" then
    local t = {}
    -- (entries past the active locals are temporaries, which differ: see known D7)
    for k = 1, 3 do local n, v = debug.getlocal(2, k); if not n or n:sub(1, 1) == "(" then break end t[#t+1] = n .. "=" .. tostring(v) end
    print(ev, i.name, table.concat(t, " "))
  end
end, "cr")
ret(1, 2)
ret2(3, 4)
debug.sethook()

-- a one-line function: its parameters are active at every event
local function one(a, b) local c = a; return c end
debug.sethook(function(ev, l)
  local t = {}
  for k = 1, 2 do local n, v = debug.getlocal(2, k); if not n or n:sub(1,1) == "(" then break end t[#t+1] = n .. "=" .. tostring(v) end
  if debug.getinfo(2, "n").name == "one" then print(ev, l, table.concat(t, " ")) end
end, "lcr")
one(1, 2)
debug.sethook()
