-- lua5.4 merges a nil load into the one just before it when their registers touch
-- (consecutive 'local a; local b', 'a = nil' of a local already cleared): the later
-- statement has no instruction of its own, so no line event, no active line, no count
local lines = {}
debug.sethook(function(e, l) lines[#lines + 1] = l end, "l")
local a
local b = nil
a = nil
local c, d
local e = 1
local f
b = nil
local g = nil
local h, i = nil
local j = nil; local k
e = nil
local l
do local m end
::lbl:: local n
debug.sethook()
print(table.concat(lines, " "))

local function lines_of(fn)
  local t = {}
  for l in pairs(debug.getinfo(fn, "L").activelines) do t[#t + 1] = l end
  table.sort(t)
  return table.concat(t, " ")
end
local function h1()
  local x
  local y
  local z = nil
  x = nil
  local w = 2
  y = nil
  return x, y, z, w
end
print(lines_of(h1))
print(h1())

-- count hooks: one instruction per merged group (three nil statements count as one)
local function counted(fn)
  local counts = 0
  debug.sethook(function() counts = counts + 1 end, "", 1)
  fn()
  debug.sethook()
  return counts
end
local function h2()
  local p
  local q
  local r = nil
  return p
end
local function h2b()
  local p, q, r
  return p
end
print(counted(h2) - counted(h2b))

-- the values are still nil, in both tiers, when the slots held something before
local function h3(v)
  for _ = 1, 3 do
    do local s1, s2 = v, v end
    local t1
    local t2 = nil
    t1 = nil
    print(t1, t2)
  end
end
h3(5)

-- a multiple assignment of nils is not one LOADNIL; a <const> local has no code at all
local lines2 = {}
local a2, b2
debug.sethook(function(e, l) lines2[#lines2 + 1] = l end, "l")
local c2
a2, b2 = nil, nil
local d2
a2, b2 = nil
local e2
local x2 <const> = nil
local f2
debug.sethook()
print(table.concat(lines2, " "))
